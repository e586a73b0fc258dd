import { amountOrNull } from "../../../domain/pipeline/deal-amount.js";
import type { AttentionEntry } from "../../../services/attention/read-attention.js";
import { presentLead } from "../leads/present-lead.js";
import { presentNextStep } from "../next-steps/present-next-step.js";
import type { AttentionItemDtoType } from "./attention.schemas.js";

/** A lead in the needs-attention queue as the API shows it. */
export function presentAttentionEntry(entry: AttentionEntry): AttentionItemDtoType {
  const { lead, state } = entry;
  return {
    lead: presentLead(lead, entry.sla),
    reasons: entry.reasons,
    nextStep: state.nextStep && presentNextStep(state.nextStep),
    stage: lead.stage,
    daysInStage: entry.daysInStage,
    value: amountOrNull(state.valueCents),
  };
}
