import type { Selectable } from "kysely";
import { timeOrderedIds } from "../ids.js";
import { type Executor, fromJsonColumn, skipLockedRows, supportsRowLocks, toJsonColumn } from "./engine.js";
import type { TimerTable } from "./schema.js";
import { announceWork } from "./work-signal.js";

/** Due work: at `runAt`, the worker runs the task named `task` with `payload`. */
export type Timer = {
  id: string;
  /** Unique per pending piece of work (e.g. `sla:lead_123`); scheduling the same key replaces it. */
  key: string;
  task: string;
  payload: unknown;
  /** When it is due; for a dead timer, when it died. */
  runAt: number;
  /** Failed attempts so far. */
  attempts: number;
  lastError: string | null;
  status: "pending" | "dead";
  createdAt: number;
};

export type TimerSchedule = { key: string; task: string; payload: object; runAt: number };

/** Who claims, when, how many, and for how long before another worker may take them over. */
export type ClaimRequest = { workerId: string; now: number; limit: number; lockMs: number };

/** Rows per multi-row INSERT (7 columns: far under SQLite's parameter bound). */
const INSERT_CHUNK_ROWS = 500;

function timerRowToTimer(row: Selectable<TimerTable>): Timer {
  return {
    id: row.id,
    key: row.key,
    task: row.task,
    payload: fromJsonColumn<unknown>(row.payload),
    runAt: row.run_at,
    attempts: row.attempts,
    lastError: row.last_error,
    status: row.status,
    createdAt: row.created_at,
  };
}

/**
 * Schedules timers, one pending row per key: scheduling a key again replaces its task, payload
 * and due time, resets its attempts and drops any claim on it, so a worker that claimed the old
 * version finds it is no longer its own (`lockClaimedTimer`) and skips it.
 */
export async function scheduleTimers(db: Executor, schedules: readonly TimerSchedule[], now: number): Promise<void> {
  for (let start = 0; start < schedules.length; start += INSERT_CHUNK_ROWS) {
    const rows = schedules.slice(start, start + INSERT_CHUNK_ROWS).map((s) => ({
      id: timeOrderedIds("timer"),
      key: s.key,
      task: s.task,
      payload: toJsonColumn(s.payload),
      run_at: s.runAt,
      attempts: 0,
      status: "pending" as const,
      created_at: now,
    }));
    await db
      .insertInto("timers")
      .values(rows)
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => ({
          task: eb.ref("excluded.task"),
          payload: eb.ref("excluded.payload"),
          run_at: eb.ref("excluded.run_at"),
          attempts: 0,
          status: "pending",
          locked_by: null,
          locked_until: null,
          last_error: null,
        })),
      )
      .execute();
  }
  if (schedules.length > 0) await announceWork(db);
}

/** Schedules one timer (see `scheduleTimers`). */
export async function scheduleTimer(db: Executor, schedule: TimerSchedule, now: number): Promise<void> {
  await scheduleTimers(db, [schedule], now);
}

/**
 * Schedules a timer unless one with its key is already pending (maybe running on another
 * worker): for work that reschedules itself, started when a worker starts. A dead one (its
 * attempts used up) is brought back, so one bad day does not stop it for good.
 */
export async function ensureTimerPending(db: Executor, schedule: TimerSchedule, now: number): Promise<void> {
  if ((await findTimerByKey(db, schedule.key))?.status === "pending") return;
  await scheduleTimer(db, schedule, now);
}

/** Cancels the pending timer with this key; false when there is none. */
export async function cancelTimer(db: Executor, key: string): Promise<boolean> {
  const result = await db.deleteFrom("timers").where("key", "=", key).where("status", "=", "pending").executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Cancels every pending timer of a task; returns how many. */
export async function cancelTimersOfTask(db: Executor, task: string): Promise<number> {
  const result = await db.deleteFrom("timers").where("task", "=", task).where("status", "=", "pending").executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The pending timer with this key, if any. */
export async function findTimerByKey(db: Executor, key: string): Promise<Timer | undefined> {
  const row = await db.selectFrom("timers").selectAll().where("key", "=", key).executeTakeFirst();
  return row && timerRowToTimer(row);
}

/**
 * Claims up to `limit` due timers, earliest first, in one atomic statement. A claim is a lease
 * until `now + lockMs`: a timer whose lease ran out (its worker crashed) is claimable again.
 */
export async function claimDueTimers(db: Executor, request: ClaimRequest): Promise<Timer[]> {
  const { workerId, now, limit, lockMs } = request;
  const due = db
    .selectFrom("timers")
    .select("id")
    .where("status", "=", "pending")
    .where("run_at", "<=", now)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .orderBy("run_at")
    .limit(limit);
  const rows = await db
    .updateTable("timers")
    .set({ locked_by: workerId, locked_until: now + lockMs })
    .where("id", "in", skipLockedRows(db, due))
    .returningAll()
    .execute();
  return rows.map(timerRowToTimer).sort((a, b) => a.runAt - b.runAt);
}

/**
 * Inside the transaction that runs a timer: whether `workerId` still holds its claim. On
 * PostgreSQL it also locks the row until commit, so no other worker can claim it while the task
 * runs, even if the lease runs out meanwhile. False means skip: the timer was rescheduled,
 * cancelled or taken over.
 */
export async function lockClaimedTimer(db: Executor, id: string, workerId: string): Promise<boolean> {
  const query = db.selectFrom("timers").select("id").where("id", "=", id).where("locked_by", "=", workerId).where("status", "=", "pending");
  const row = await (supportsRowLocks(db) ? query.forUpdate() : query).executeTakeFirst();
  return row !== undefined;
}

/**
 * Deletes timers whose tasks have run. A task that rescheduled its own key dropped the claim, so
 * that row, now the next schedule, stays.
 */
export async function completeTimers(db: Executor, ids: readonly string[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("timers").where("id", "in", ids).where("locked_by", "=", workerId).execute();
}

/** A failed attempt: count it and run again at `retryAt`, or, when `retryAt` is null, mark it dead (`runAt` = `now`). */
export async function failTimer(db: Executor, failure: { id: string; workerId: string; error: string; now: number; retryAt: number | null }): Promise<boolean> {
  const result = await db
    .updateTable("timers")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      last_error: failure.error,
      run_at: failure.retryAt ?? failure.now,
      status: failure.retryAt === null ? "dead" : "pending",
      locked_by: null,
      locked_until: null,
    }))
    .where("id", "=", failure.id)
    .where("locked_by", "=", failure.workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Gives back claimed timers a stopping worker did not start, so others take them at once. */
export async function releaseTimers(db: Executor, ids: readonly string[], workerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("timers").set({ locked_by: null, locked_until: null }).where("id", "in", ids).where("locked_by", "=", workerId).execute();
}

/** When the next timer becomes claimable (earliest `run_at` not under a live claim), if any. */
export async function nextTimerDueAt(db: Executor, now: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("timers")
    .select((eb) => eb.fn.min("run_at").as("at"))
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
}

/** Dead timers, most recently dead first. */
export async function listDeadTimers(db: Executor, limit: number): Promise<Timer[]> {
  const rows = await db.selectFrom("timers").selectAll().where("status", "=", "dead").orderBy("run_at", "desc").orderBy("id").limit(limit).execute();
  return rows.map(timerRowToTimer);
}

/** Brings a dead timer back with fresh attempts, due `now`; undefined when no dead timer has this id. */
export async function retryDeadTimer(db: Executor, id: string, now: number): Promise<Timer | undefined> {
  const row = await db
    .updateTable("timers")
    .set({ status: "pending", attempts: 0, run_at: now })
    .where("id", "=", id)
    .where("status", "=", "dead")
    .returningAll()
    .executeTakeFirst();
  if (row) await announceWork(db);
  return row && timerRowToTimer(row);
}
