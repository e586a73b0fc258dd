import type { Static } from "typebox";
import { CLOSED_MILESTONES, type Milestone, type PipelineConfig } from "../../../src/domain/pipeline/pipeline-config.js";
import type { BoardResponse } from "../../../src/http/routes/pipeline-board/pipeline-board.schemas.js";
import { apiRequest } from "./client.js";

export type { ChecklistItem, ChecklistMode, Milestone, OutcomeReason, PipelineConfig, QualificationCriterion, StageDefinition } from "../../../src/domain/pipeline/pipeline-config.js";

/** Open leads by stage, typed from the board route's schema: one column per stage, its newest-in-stage cards (at most 50) and its total. */
export type Board = Static<typeof BoardResponse>;
export type BoardColumn = Board["columns"][number];
/** What a board column says about its stage: enough to plan a move into or out of it. */
export type BoardStage = BoardColumn["stage"];

/** Whether a stage with this milestone closes the lead (won or lost). */
export function isClosedMilestone(milestone: Milestone): milestone is "won" | "lost" {
  return CLOSED_MILESTONES.includes(milestone);
}
export type BoardCard = BoardColumn["cards"][number];

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
