import { SCORES_REFRESH_TASK, scoresRefreshTimerKey } from "../../domain/scoring/rescoring-triggers.js";
import type { Executor } from "../../store/engine.js";
import { listOpenLeadIds } from "../../store/lead-scores.js";
import { lockLeadsByIds } from "../../store/leads.js";
import { loadScoringInputs } from "../../store/scoring-inputs.js";
import { ensureTimerPending, scheduleTimer } from "../../store/timers.js";
import type { ServiceContext } from "../context.js";
import { scoreLeadsInTransaction } from "./score-leads.js";
import { loadScoringState } from "./scoring-state.js";

/** Open leads rescored per timer run of a refresh pass: one transaction each. */
export const REFRESH_PAGE_SIZE = 1000;

/** Intent decays: every open lead is rescored once a day even when nothing happens to it. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Rescores one lead after an event that may move its score (the `lead-rescore` task). */
export async function rescoreLeadInTransaction(trx: Executor, ctx: ServiceContext, leadId: string, now: number): Promise<void> {
  // Locked like any change of the lead: a playbook it moves into may stop and start its sequence.
  if ((await lockLeadsByIds(trx, [leadId])).length === 0) return;
  const inputs = await loadScoringInputs(trx, [leadId]);
  await scoreLeadsInTransaction(trx, ctx, [...inputs.values()], { state: await loadScoringState(trx), actor: "system", now, isCapture: false, isPlaybookApplied: true });
}

/**
 * Rescores the page of open leads after `afterId` and schedules the next page, or, after the
 * last one, the next daily pass (the `scores-refresh` task). Returns how many leads it scored.
 */
export async function refreshScoresPage(trx: Executor, ctx: ServiceContext, afterId: string | null, now: number, pageSize = REFRESH_PAGE_SIZE): Promise<number> {
  const ids = await listOpenLeadIds(trx, afterId, pageSize);
  const inputs = await loadScoringInputs(trx, ids);
  await scoreLeadsInTransaction(trx, ctx, [...inputs.values()], { state: await loadScoringState(trx), actor: "system", now, isCapture: false, isPlaybookApplied: true });
  const isLastPage = ids.length < pageSize;
  await scheduleTimer(trx, { key: scoresRefreshTimerKey, task: SCORES_REFRESH_TASK, payload: { afterId: isLastPage ? null : ids.at(-1)! }, runAt: isLastPage ? now + DAY_MS : now }, now);
  return ids.length;
}

/** Starts a refresh pass over every open lead now (after the rules or the model change), replacing one under way. */
export async function requestScoresRefresh(trx: Executor, now: number): Promise<void> {
  await scheduleTimer(trx, { key: scoresRefreshTimerKey, task: SCORES_REFRESH_TASK, payload: { afterId: null }, runAt: now }, now);
}

/** Makes sure a refresh pass is pending (the daily one, due now when there was none): run when a worker starts. */
export async function ensureScoresRefreshScheduled(ctx: ServiceContext): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) => ensureTimerPending(trx, { key: scoresRefreshTimerKey, task: SCORES_REFRESH_TASK, payload: { afterId: null }, runAt: now }, now));
}
