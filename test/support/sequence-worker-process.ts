/**
 * A worker process that runs the app's timer tasks and sends sequence emails, for the crash test:
 * `node --import tsx test/support/sequence-worker-process.ts`. Environment: WORKER_DATABASE
 * (SQLite file or PostgreSQL URL, see `TestDatabase.location`) and WORKER_LEASE_MS (short, so a
 * killed worker's claims come back quickly). Prints `ready` once it runs; SIGTERM stops it.
 */
import pino from "pino";
import { systemClock } from "../../src/clock.js";
import { closeMailboxTransports } from "../../src/channels/mailbox-transport.js";
import { createSequenceEmailChannel } from "../../src/channels/sequence-email.js";
import { timeOrderedIds } from "../../src/ids.js";
import { createDatabase } from "../../src/store/database.js";
import { startWorker } from "../../src/worker/run-worker.js";
import { TIMER_TASKS } from "../../src/worker/timer-tasks.js";

const location = process.env.WORKER_DATABASE ?? "";
const isPostgres = location.startsWith("postgres");
const leaseMs = Number(process.env.WORKER_LEASE_MS ?? 60_000);
const db = createDatabase(isPostgres ? { databaseUrl: location, poolSize: 4 } : { sqliteFile: location });
const log = pino({ level: "warn" }, pino.destination(2));
const ctx = { db, clock: systemClock, ids: timeOrderedIds, log, defaultPhoneRegion: "US", publicUrl: "https://closeloop.example" };
const worker = await startWorker(ctx, {
  tasks: TIMER_TASKS,
  channels: [createSequenceEmailChannel(ctx, { publicUrl: ctx.publicUrl })],
  timerLockMs: leaseMs,
  messageLockMs: leaseMs,
  idlePollMs: 200,
  listenUrl: isPostgres ? location : undefined,
});
process.stdout.write("ready\n");
process.once("SIGTERM", async () => {
  await worker.stop();
  closeMailboxTransports();
  await db.destroy();
  process.exit(0);
});
