import type { Static } from "typebox";
import type { LeadPipelineDto } from "../../../src/http/routes/pipeline-view/pipeline-view.schemas.js";
import type { MoveStageBody, ProposalBody, ProposalResponse, StageWarningDto } from "../../../src/http/routes/pipeline/lead-stage.schemas.js";
import { apiRequest } from "./client.js";
import { type Lead, leadPath } from "./leads.js";

export type { NextStep } from "./next-steps.js";

/** The lead's place in the pipeline: its stage (with what the stage asks for), time there, next step, proposal and outcome. */
export type LeadPipelineView = Static<typeof LeadPipelineDto>;

/** How the lead's deal ended; null while it is open. Reasons are null when the lead was closed without one. */
export type LeadOutcome = NonNullable<LeadPipelineView["outcome"]>;

export type StageMove = Static<typeof MoveStageBody>;
export type StageMoveWarning = Static<typeof StageWarningDto>;
export type SentProposal = Static<typeof ProposalResponse>["proposal"];

/** The lead's stage, days in it, next step, proposal and outcome. */
export async function getLeadPipeline(leadId: string, signal?: AbortSignal): Promise<LeadPipelineView> {
  return apiRequest<LeadPipelineView>(`${leadPath(leadId)}/pipeline`, { signal });
}

/** Moves the lead to another stage (won and lost included); forward moves check the current stage's exit checklist. */
export async function moveLeadStage(leadId: string, move: StageMove): Promise<{ lead: Lead; warnings: StageMoveWarning[] }> {
  return apiRequest(`${leadPath(leadId)}/stage`, { method: "POST", body: move });
}

/** Records a proposal sent; the answer says whether it strays from what the campaign promised. */
export async function sendProposal(leadId: string, proposal: Static<typeof ProposalBody>): Promise<SentProposal> {
  const answer = await apiRequest<{ proposal: SentProposal }>(`${leadPath(leadId)}/proposal`, { method: "POST", body: proposal });
  return answer.proposal;
}
