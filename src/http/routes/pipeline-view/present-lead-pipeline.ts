import { amountOfCents, amountOrNull } from "../../../domain/pipeline/deal-amount.js";
import type { DealOutcome } from "../../../domain/pipeline/deal-outcome.js";
import type { LeadPipelineView } from "../../../services/pipeline-view/read-lead-pipeline.js";
import { isoOf, isoOrNull } from "../../instants.js";
import { presentNextStep } from "../next-steps/present-next-step.js";
import type { LeadPipelineDtoType } from "./pipeline-view.schemas.js";


function presentOutcome(outcome: DealOutcome | null): LeadPipelineDtoType["outcome"] {
  if (outcome?.kind === "won") return { kind: "won", amount: amountOrNull(outcome.amountCents) };
  return outcome;
}

/** A lead's pipeline view as the API shows it. */
export function presentLeadPipeline(view: LeadPipelineView): LeadPipelineDtoType {
  const { state } = view;
  return {
    stage: view.stage,
    stageEnteredAt: isoOf(state.stageEnteredAt),
    daysInStage: view.daysInStage,
    isStalled: view.isStalled,
    qualificationStatus: state.qualificationStatus,
    costOfInaction: state.costOfInaction,
    nextStep: state.nextStep && presentNextStep(state.nextStep),
    proposal: state.proposalAmountCents === null ? null : { amount: amountOfCents(state.proposalAmountCents), sentAt: isoOrNull(state.proposalSentAt), isExpectationMismatch: state.isExpectationMismatch },
    value: amountOrNull(state.valueCents),
    outcome: presentOutcome(view.outcome),
    replyWaitingSince: isoOrNull(state.replyWaitingSince),
  };
}
