import type { Principal } from "../../domain/access/permission.js";
import { daysInStage, isStalled } from "../../domain/attention/stage-time.js";
import { type DealOutcome, dealOutcome } from "../../domain/pipeline/deal-outcome.js";
import type { LeadPipeline } from "../../domain/pipeline/lead-pipeline.js";
import { isClosedStage, type StageDefinition, stageOf } from "../../domain/pipeline/pipeline-config.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { findVisibleLead } from "../leads/find-visible-lead.js";

/** A lead's place in the pipeline: its stage as documented, time there, and its pipeline state. */
export type LeadPipelineView = {
  stage: StageDefinition;
  state: LeadPipeline;
  daysInStage: number;
  isStalled: boolean;
  outcome: DealOutcome | null;
};

/**
 * A stage the pipeline no longer defines. Saving the pipeline refuses to drop a stage that
 * still holds leads, so this only covers rows changed outside the services: show the key,
 * promise nothing, never stall.
 */
function undocumentedStage(key: string): StageDefinition {
  return { key, name: key, goal: "", mustHappen: "", talkingPoints: [], exitChecklist: [], checklistMode: "warn", maxDaysInStage: null, milestone: "new" };
}

/** The lead's pipeline view; `not_found` when the lead does not exist or the principal may not see it. */
export async function readLeadPipeline(ctx: ServiceContext, principal: Principal, leadId: string): Promise<LeadPipelineView> {
  const lead = await findVisibleLead(ctx.db, principal, leadId);
  const { pipeline } = await readSettings(ctx.db);
  const state = await findLeadPipeline(ctx.db, lead);
  const stage = stageOf(pipeline, lead.stage) ?? undocumentedStage(lead.stage);
  const now = ctx.clock.now();
  const isOpen = !isClosedStage(stage) && state.closedAt === null;
  return {
    stage,
    state,
    daysInStage: daysInStage(state.stageEnteredAt, now),
    isStalled: isOpen && isStalled(stage, state.stageEnteredAt, now),
    outcome: dealOutcome(stage, state, pipeline),
  };
}
