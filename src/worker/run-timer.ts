import { nextAttemptAt, type RetryPolicy } from "../domain/work/retry-policy.js";
import { appendEvents } from "../store/events.js";
import { completeTimer, failTimer, lockClaimedTimer, type Timer } from "../store/timers.js";
import { PermanentTaskError } from "./timer-task.js";
import { errorText, leadIdOfPayload, UNKNOWN_WORK_RETRY, type WorkerEnv } from "./worker-env.js";

/**
 * Runs one claimed timer. The task's writes and the timer's completion share one transaction,
 * so a timer's effects commit exactly once: a crash before commit leaves the timer pending (its
 * lease runs out and another worker runs it), and a crash after commit leaves nothing to redo.
 * On PostgreSQL `lockClaimedTimer` holds the row until commit, so even a task that outlives its
 * lease cannot run twice at once.
 */
export async function runClaimedTimer(env: WorkerEnv, timer: Timer): Promise<void> {
  const entry = env.tasks.get(timer.task);
  if (!entry) return failClaimedTimer(env, timer, UNKNOWN_WORK_RETRY, `no timer task named "${timer.task}" is registered in this worker`, false);
  const invalid = entry.checkPayload(timer.payload);
  if (invalid) return failClaimedTimer(env, timer, entry.task.retry, invalid, true);
  const { ctx, workerId } = env;
  const now = ctx.clock.now();
  try {
    const isOwned = await ctx.db.transaction().execute(async (trx) => {
      if (!(await lockClaimedTimer(trx, timer.id, workerId))) return false;
      await entry.task.run({ trx, ctx, payload: timer.payload, timer, now });
      await completeTimer(trx, timer.id, workerId);
      return true;
    });
    if (isOwned) env.counts.timersCompleted += 1;
    else env.counts.timersSkipped += 1;
  } catch (error) {
    await failClaimedTimer(env, timer, entry.task.retry, errorText(error), error instanceof PermanentTaskError);
  }
}

/** Counts a failed attempt; schedules the retry, or marks the timer dead and appends `work_dead`. */
async function failClaimedTimer(env: WorkerEnv, timer: Timer, retry: RetryPolicy, error: string, isPermanent: boolean): Promise<void> {
  const { ctx, workerId } = env;
  const now = ctx.clock.now();
  const retryAt = isPermanent ? null : nextAttemptAt(retry, timer.attempts + 1, now, env.random());
  env.counts.timersFailed += 1;
  ctx.log.warn({ timerId: timer.id, task: timer.task, attempt: timer.attempts + 1, retryAt, err: error }, "timer attempt failed");
  await ctx.db.transaction().execute(async (trx) => {
    const isFailed = await failTimer(trx, { id: timer.id, workerId, error, now, retryAt });
    if (!isFailed || retryAt !== null) return;
    const data = { kind: "timer", id: timer.id, key: timer.key, task: timer.task, attempts: timer.attempts + 1, error, leadId: leadIdOfPayload(timer.payload) };
    await appendEvents(trx, [{ leadId: null, type: "work_dead", actor: "system", at: now, data }]);
  });
}
