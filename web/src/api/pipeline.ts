import type { PipelineConfig, StageDefinition } from "../../../src/domain/pipeline/pipeline-config.js";
import type { NextStep, QualificationStatus } from "../../../src/domain/pipeline/lead-pipeline.js";
import { apiRequest } from "./client.js";

export type { ChecklistItem, ChecklistMode, Milestone, OutcomeReason, PipelineConfig, QualificationCriterion, StageDefinition } from "../../../src/domain/pipeline/pipeline-config.js";

/** What a board column says about its stage: enough to plan a move into or out of it. */
export type BoardStage = Pick<StageDefinition, "key" | "name" | "milestone" | "checklistMode" | "exitChecklist" | "maxDaysInStage">;

export type BoardCard = {
  leadId: string;
  name: string;
  company: string | null;
  ownerId: string | null;
  daysInStage: number;
  isStalled: boolean;
  nextStep: NextStep | null;
  /** Deal value in major currency units. */
  value: number | null;
  qualificationStatus: QualificationStatus;
};

/** One stage: its newest-in-stage cards (at most 50) and how many leads it holds in all. */
export type BoardColumn = { stage: BoardStage; total: number; cards: BoardCard[] };

export type Board = { columns: BoardColumn[] };

const PIPELINE = "/api/v1/pipeline";

/** The workspace's sales process: stages, qualification criteria, reasons and timings. */
export async function getPipeline(signal?: AbortSignal): Promise<PipelineConfig> {
  return apiRequest<PipelineConfig>(PIPELINE, { signal });
}

/** Replaces the whole sales process; refused (naming the field) when it is inconsistent or a removed stage still holds leads. */
export async function savePipeline(config: PipelineConfig): Promise<PipelineConfig> {
  return apiRequest<PipelineConfig>(PIPELINE, { method: "PUT", body: config });
}

/** Open leads by stage (and leads closed in the last 30 days); one owner's when `ownerId` is given. */
export async function getBoard(ownerId: string | undefined, signal?: AbortSignal): Promise<Board> {
  return apiRequest<Board>(`${PIPELINE}/board`, { query: { ownerId }, signal });
}
