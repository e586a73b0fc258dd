import { leadVisibility, type Principal } from "../../domain/access/permission.js";
import { MS_PER_DAY, daysInStage, isStalled } from "../../domain/attention/stage-time.js";
import { DomainError } from "../../domain/errors.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { LeadPipeline } from "../../domain/pipeline/lead-pipeline.js";
import { isClosedStage, type StageDefinition } from "../../domain/pipeline/pipeline-config.js";
import { findLeadPipelines } from "../../store/lead-pipeline.js";
import { type BoardScope, countBoardColumns, listBoardColumnLeads } from "../../store/pipeline-board.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";

/** Cards a column shows; `total` still counts them all. */
const BOARD_CARDS_PER_COLUMN = 50;

/** Won and lost columns show the leads closed in this many recent days, so they do not grow forever. */
const CLOSED_COLUMN_DAYS = 30;

export type BoardCard = { lead: Lead; state: LeadPipeline; daysInStage: number; isStalled: boolean };

export type BoardColumn = { stage: StageDefinition; total: number; cards: BoardCard[] };

/** Whose leads the board shows: a rep who sees only their own leads gets only those; others everyone's or one person's. */
function boardOwner(principal: Principal, repsSeeAllLeads: boolean, ownerId: string | undefined): string | undefined {
  const visibility = leadVisibility(principal, repsSeeAllLeads);
  if (visibility.kind === "all") return ownerId;
  if (ownerId !== undefined && ownerId !== visibility.userId) {
    throw new DomainError("forbidden", { field: "ownerId", message: "ownerId: you can see only your own leads" });
  }
  return visibility.userId;
}

/**
 * The pipeline board: a column per configured stage, in order, with its total and up to 50
 * cards, newest in the stage first. Open columns hold open leads (a disqualified lead is
 * closed and leaves the board); won and lost columns the leads closed in the last 30 days.
 */
export async function readBoard(ctx: ServiceContext, principal: Principal, query: { ownerId: string | undefined }): Promise<BoardColumn[]> {
  const { pipeline, repsSeeAllLeads } = await readSettings(ctx.db);
  const ownerId = boardOwner(principal, repsSeeAllLeads, query.ownerId);
  const now = ctx.clock.now();
  const scope: BoardScope = { ownerId, closedSince: now - CLOSED_COLUMN_DAYS * MS_PER_DAY };
  const filters = pipeline.stages.map((stage) => ({ stage: stage.key, isClosedStage: isClosedStage(stage) }));
  const [totals, leadsByColumn] = await Promise.all([
    countBoardColumns(ctx.db, filters, scope),
    Promise.all(filters.map((filter) => listBoardColumnLeads(ctx.db, filter, scope, BOARD_CARDS_PER_COLUMN))),
  ]);
  const states = await findLeadPipelines(ctx.db, leadsByColumn.flat());
  return pipeline.stages.map((stage, index) => ({
    stage,
    total: totals.get(stage.key) ?? 0,
    cards: leadsByColumn[index]!.map((lead) => {
      const state = states.get(lead.id)!;
      return { lead, state, daysInStage: daysInStage(state.stageEnteredAt, now), isStalled: !isClosedStage(stage) && isStalled(stage, state.stageEnteredAt, now) };
    }),
  }));
}
