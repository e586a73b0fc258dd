import { ensureTimerPending, scheduleTimer } from "../../store/timers.js";
import type { Executor } from "../../store/engine.js";
import type { ServiceContext } from "../context.js";
import { raiseDrift } from "./check-drift.js";
import { DAY_MS } from "../../domain/time.js";

/** The worker task of the daily drift check. */
export const SCORING_DRIFT_TASK = "scoring-drift";

/** One key for the whole workspace: however many workers start, one drift check is pending. */
export const SCORING_DRIFT_TIMER_KEY = "scoring-drift";

/**
 * The daily drift check: raises the last complete month's new alerts and schedules the next
 * check a day later (rescheduling its own key keeps the row, see `completeTimers`). Daily
 * rather than monthly, so a month is checked on its first day and again while late closes
 * are recorded; alerts already raised are not raised again.
 */
export async function runDriftCheck(trx: Executor, ctx: ServiceContext, now: number): Promise<void> {
  await raiseDrift(trx, ctx, undefined, now);
  await scheduleTimer(trx, { key: SCORING_DRIFT_TIMER_KEY, task: SCORING_DRIFT_TASK, payload: {}, runAt: now + DAY_MS }, now);
}

/** Makes sure a drift check is pending, due now when there was none: run when a worker starts (see `ensureTimerPending`). */
export async function ensureDriftCheckScheduled(ctx: ServiceContext): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute((trx) => ensureTimerPending(trx, { key: SCORING_DRIFT_TIMER_KEY, task: SCORING_DRIFT_TASK, payload: {}, runAt: now }, now));
}
