import type { QualificationStatus } from "../../../src/domain/pipeline/lead-pipeline.js";
import type { ChecklistItem, StageDefinition } from "../../../src/domain/pipeline/pipeline-config.js";
import { apiRequest } from "./client.js";
import type { Lead } from "./leads.js";
import type { NextStep } from "./next-steps.js";

export type { NextStep } from "./next-steps.js";


/** How the lead's deal ended; null while it is open. */
export type LeadOutcome =
  | { kind: "won"; amount: number }
  | { kind: "lost"; reason: string; label: string; note: string | null }
  | { kind: "disqualified"; reason: string; label: string; note: string | null };

/** The lead's place in the pipeline: its stage (with what the stage asks for), time there, next step, proposal and outcome. */
export type LeadPipelineView = {
  stage: StageDefinition;
  stageEnteredAt: number;
  daysInStage: number;
  isStalled: boolean;
  qualificationStatus: QualificationStatus;
  costOfInaction: string | null;
  nextStep: NextStep | null;
  proposal: { amount: number; sentAt: number; isExpectationMismatch: boolean } | null;
  value: number | null;
  outcome: LeadOutcome | null;
  replyWaitingSince: number | null;
};

export type StageMove = {
  stage: string;
  checkedItems?: string[];
  nextStep?: { action: string; dueAt: number; ownerId?: string };
  amount?: number;
  reason?: string;
  note?: string;
};

export type StageMoveWarning = { code: "checklist_incomplete"; missing: ChecklistItem[] };

export type SentProposal = { amount: number; sentAt: number; priceAnchor: number | null; deviationPercent: number | null; isExpectationMismatch: boolean };

const leadPath = (id: string) => `/api/v1/leads/${encodeURIComponent(id)}`;

/** The lead's stage, days in it, next step, proposal and outcome. */
export async function getLeadPipeline(leadId: string, signal?: AbortSignal): Promise<LeadPipelineView> {
  return apiRequest<LeadPipelineView>(`${leadPath(leadId)}/pipeline`, { signal });
}

/** Moves the lead to another stage (won and lost included); forward moves check the current stage's exit checklist. */
export async function moveLeadStage(leadId: string, move: StageMove): Promise<{ lead: Lead; warnings: StageMoveWarning[] }> {
  return apiRequest(`${leadPath(leadId)}/stage`, { method: "POST", body: move });
}

/** Records a proposal sent; the answer says whether it strays from what the campaign promised. */
export async function sendProposal(leadId: string, proposal: { amount: number; sentAt?: number }): Promise<SentProposal> {
  const answer = await apiRequest<{ proposal: SentProposal }>(`${leadPath(leadId)}/proposal`, { method: "POST", body: proposal });
  return answer.proposal;
}
