/**
 * A worker process for the multi-process tests: `node --import tsx test/support/worker-process.ts`.
 * Environment: WORKER_DATABASE (SQLite file or PostgreSQL URL, see `TestDatabase.location`),
 * WORKER_CONCURRENCY, WORKER_LEASE_MS (short, so a killed worker's claims come back quickly),
 * WORKER_TIMER_BATCH. Prints `ready` once it runs, and its counts as JSON when SIGTERM stops it.
 */
import { sql } from "kysely";
import pino from "pino";
import { Type } from "typebox";
import { systemClock } from "../../src/clock.js";
import { createWebhookChannel } from "../../src/channels/webhook.js";
import { timeOrderedIds } from "../../src/ids.js";
import { createDatabase } from "../../src/store/database.js";
import { findWebhookSubscription } from "../../src/store/webhook-subscriptions.js";
import { startWorker } from "../../src/worker/run-worker.js";
import type { TimerTask } from "../../src/worker/timer-task.js";

/** The test task `record-run`: one row per execution in `timer_runs`, whose primary key makes a second run of a timer fail loudly. */
const recordRunTask: TimerTask = {
  name: "record-run",
  payloadSchema: Type.Object({}),
  retry: { maxAttempts: 3, backoffBaseMs: 100, backoffMaxMs: 1000 },
  async run({ trx, timer }) {
    await sql`insert into timer_runs (timer_key, pid) values (${timer.key}, ${process.pid})`.execute(trx);
  },
};

const location = process.env.WORKER_DATABASE ?? "";
const isPostgres = location.startsWith("postgres");
const leaseMs = Number(process.env.WORKER_LEASE_MS ?? 60_000);
const db = createDatabase(isPostgres ? { databaseUrl: location, poolSize: 10 } : { sqliteFile: location });
const log = pino({ level: "warn" }, pino.destination(2));
const ctx = { db, clock: systemClock, ids: timeOrderedIds, log, defaultPhoneRegion: "US", publicUrl: "http://localhost:4400" };
const worker = await startWorker(ctx, {
  tasks: [recordRunTask],
  channels: [createWebhookChannel({ timeoutMs: 5000, clock: systemClock, findEndpoint: (id) => findWebhookSubscription(db, id) })],
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 4),
  timerBatchSize: Number(process.env.WORKER_TIMER_BATCH ?? 200),
  timerLockMs: leaseMs,
  messageLockMs: leaseMs,
  listenUrl: isPostgres ? location : undefined,
});
process.stdout.write("ready\n");
process.once("SIGTERM", async () => {
  await worker.stop();
  await db.destroy();
  process.stdout.write(`${JSON.stringify(worker.counts)}\n`);
  process.exit(0);
});
