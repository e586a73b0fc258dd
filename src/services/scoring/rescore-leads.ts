import { SCORES_REFRESH_TASK, scoresRefreshTimerKey } from "../../domain/scoring/rescoring-triggers.js";
import type { Executor } from "../../store/engine.js";
import { listOpenLeadIds } from "../../store/lead-scores.js";
import { lockLeadsByIds } from "../../store/leads.js";
import { loadScoringInputs } from "../../store/scoring-inputs.js";
import { ensureTimerPending, scheduleTimer } from "../../store/timers.js";
import type { ServiceContext } from "../context.js";
import { backfillClosedLeadScores } from "./backfill-closed-scores.js";
import { scoreLeadsInTransaction } from "./score-leads.js";
import { loadScoringState } from "./scoring-state.js";
import { DAY_MS } from "../../domain/time.js";

/** Open leads rescored per timer run of a refresh pass: one transaction each. */
export const REFRESH_PAGE_SIZE = 1000;

/** Intent decays: every open lead is rescored once a day even when nothing happens to it. */

/** Rescores one lead after an event that may move its score (the `lead-rescore` task). */
export async function rescoreLeadInTransaction(trx: Executor, ctx: ServiceContext, leadId: string, now: number): Promise<void> {
  // Locked like any change of the lead: a playbook it moves into may stop and start its sequence.
  if ((await lockLeadsByIds(trx, [leadId])).length === 0) return;
  const inputs = await loadScoringInputs(trx, [leadId]);
  await scoreLeadsInTransaction(trx, ctx, [...inputs.values()], { state: await loadScoringState(trx), actor: "system", now, isCapture: false, isPlaybookApplied: true });
}

/** What one page did: open leads rescored, and where the pass goes on (null: the next daily pass is scheduled). */
type RefreshPage = { rescored: number; next: { afterId: string | null } | null };

/**
 * Rescores the page of open leads after `afterId` and schedules the next page. After the last
 * one it scores up to a page of closed leads that have no score, as of their close
 * (`backfillClosedLeadScores`): while that fills a whole page the pass goes on at once for more,
 * then it schedules the next daily pass (the `scores-refresh` task). Returns how many open
 * leads it rescored.
 */
export async function refreshScoresPage(trx: Executor, ctx: ServiceContext, afterId: string | null, now: number, pageSize = REFRESH_PAGE_SIZE): Promise<number> {
  return (await refreshPage(trx, ctx, afterId, now, pageSize)).rescored;
}

/**
 * A whole refresh pass in the caller's transaction, page after page until the next daily pass
 * is scheduled: every open lead rescored at `now`, every closed lead without a score scored as
 * of its close (the demo scores its history so).
 */
export async function refreshAllScores(trx: Executor, ctx: ServiceContext, now: number): Promise<void> {
  let next: RefreshPage["next"] = { afterId: null };
  while (next) next = (await refreshPage(trx, ctx, next.afterId, now, REFRESH_PAGE_SIZE)).next;
}

async function refreshPage(trx: Executor, ctx: ServiceContext, afterId: string | null, now: number, pageSize: number): Promise<RefreshPage> {
  const ids = await listOpenLeadIds(trx, afterId, pageSize);
  const inputs = await loadScoringInputs(trx, ids);
  const run = { state: await loadScoringState(trx), actor: "system", now, isCapture: false, isPlaybookApplied: true, isPlaybookDeferred: true };
  await scoreLeadsInTransaction(trx, ctx, [...inputs.values()], run);
  const isLastPage = ids.length < pageSize;
  const backfilled = isLastPage ? await backfillClosedLeadScores(trx, ctx, now, pageSize) : 0;
  const next = isLastPage && backfilled < pageSize ? null : { afterId: ids.at(-1) ?? afterId };
  await scheduleTimer(trx, { key: scoresRefreshTimerKey, task: SCORES_REFRESH_TASK, payload: { afterId: next?.afterId ?? null }, runAt: next ? now : now + DAY_MS }, now);
  return { rescored: ids.length, next };
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
