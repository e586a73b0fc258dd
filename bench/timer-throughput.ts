import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pino from "pino";
import { Type } from "typebox";
import { systemClock } from "../src/clock.js";
import { timeOrderedIds } from "../src/ids.js";
import type { ServiceContext } from "../src/services/context.js";
import { createDatabase } from "../src/store/database.js";
import { appendEvents } from "../src/store/events.js";
import { migrateToLatest } from "../src/store/migrate.js";
import { scheduleTimers } from "../src/store/timers.js";
import { startWorker } from "../src/worker/run-worker.js";
import type { TimerTask } from "../src/worker/timer-task.js";

/** The benchmark's task: appends one event, the least any real task (an SLA step) writes. */
const appendEventTask: TimerTask = {
  name: "bench-append-event",
  payloadSchema: Type.Object({ n: Type.Integer() }),
  retry: { maxAttempts: 3, backoffBaseMs: 1000, backoffMaxMs: 10_000 },
  async run({ trx, payload, now }) {
    await appendEvents(trx, [{ leadId: null, type: "note", actor: "system", at: now, data: { n: (payload as { n: number }).n } }]);
  },
};

/**
 * Timer throughput of the in-process worker on a fresh file-backed SQLite database (WAL, as
 * `serve` runs it): inserts `count` due timers, then times the worker from start until it has
 * run them all (claim, task, completion: each timer's task and completion commit together).
 */
export async function measureTimerThroughput(count: number): Promise<{ timersPerSecond: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "closeloop-bench-timers-"));
  const db = createDatabase({ sqliteFile: path.join(dir, "closeloop.db") });
  try {
    await migrateToLatest(db);
    const ctx: ServiceContext = { db, clock: systemClock, ids: timeOrderedIds, log: pino({ level: "warn" }), defaultPhoneRegion: "US", publicUrl: "http://localhost:4400" };
    const now = Date.now();
    const schedules = Array.from({ length: count }, (_, n) => ({ key: `bench:${n}`, task: appendEventTask.name, payload: { n }, runAt: now }));
    await db.transaction().execute((trx) => scheduleTimers(trx, schedules, now));
    const startedAt = performance.now();
    const worker = await startWorker(ctx, { tasks: [appendEventTask], channels: [] });
    // Reading the worker's own tally costs no queries, so watching does not slow the run.
    while (worker.counts.timersCompleted + worker.counts.timersFailed < count) await sleep(5);
    const seconds = (performance.now() - startedAt) / 1000;
    await worker.stop();
    if (worker.counts.timersFailed > 0) throw new Error(`${worker.counts.timersFailed} timers failed`);
    return { timersPerSecond: count / seconds };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
