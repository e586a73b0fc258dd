import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueLeadEvent } from "../src/services/notifications/enqueue-lead-event.js";
import { createWebhook } from "../src/services/webhooks/create-webhook.js";
import { listMessagesByStatus } from "../src/store/outbox.js";
import { scheduleTimers } from "../src/store/timers.js";
import type { WorkerCounts } from "../src/worker/worker-env.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "./support/engines.js";
import { startWebhookSink } from "./support/webhook-sink.js";

/** A worker child process (test/support/worker-process.ts) and its stdout lines. */
type WorkerChild = { process: ChildProcess; lines: string[]; ready: Promise<void>; exited: Promise<number | null> };

function startWorkerChild(database: TestDatabase, env: Record<string, string> = {}): WorkerChild {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "support", "worker-process.ts")], {
    env: { ...process.env, WORKER_DATABASE: database.location, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  let isReady!: () => void;
  const ready = new Promise<void>((resolve) => (isReady = resolve));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    lines.push(...chunk.split("\n").filter(Boolean));
    if (lines.includes("ready")) isReady();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { process: child, lines, ready, exited };
}

/** SIGTERM: the child stops gracefully and prints its counts. */
async function stopWorkerChild(child: WorkerChild): Promise<WorkerCounts> {
  child.process.kill("SIGTERM");
  expect(await child.exited).toBe(0);
  return JSON.parse(child.lines.at(-1)!) as WorkerCounts;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

describe.each(ENGINES)("worker processes on %s", (engine) => {
  let database: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "closeloop-workers-"));
    database = await openTestDatabase(engine, { sqliteFile: path.join(dataDir, "closeloop.db") });
    await sql`create table timer_runs (timer_key text primary key, pid integer not null)`.execute(database.db);
  });
  afterAll(async () => {
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses no notification and has none processed twice when a worker is killed mid-delivery", async () => {
    const MESSAGES = 30;
    const KILL_AT = 8;
    let victim: WorkerChild | undefined;
    // The sink records a message, then answers 150 ms later; at the 8th it SIGKILLs the worker in
    // that window, so at least one message reached the peer but its worker never learnt so.
    const sink = await startWebhookSink({
      answerDelayMs: 150,
      onProcessed: (_id, count) => {
        if (count === KILL_AT) victim?.process.kill("SIGKILL");
      },
    });
    try {
      const ctx = { ...testContext(database.db), clock: { now: () => Date.now() } };
      await createWebhook(ctx, { url: sink.url, eventTypes: ["lead.created"] }, "test");
      await database.db.transaction().execute(async (trx) => {
        for (let i = 0; i < MESSAGES; i++) await enqueueLeadEvent(trx, { type: "lead.created", leadId: `lead_${i}`, data: {} }, Date.now());
      });
      const messageIds = (await listMessagesByStatus(database.db, "pending", MESSAGES)).map((m) => m.id);

      victim = startWorkerChild(database, { WORKER_LEASE_MS: "1500", WORKER_CONCURRENCY: "4" });
      expect(await victim.exited).toBeNull(); // killed by the signal, not exited
      const recordedBeforeCrash = await listMessagesByStatus(database.db, "delivered", MESSAGES);
      expect(recordedBeforeCrash.length).toBeLessThan(sink.processedIds.length);

      // A second worker takes over once the dead one's 1.5 s leases run out.
      const survivor = startWorkerChild(database, { WORKER_LEASE_MS: "1500", WORKER_CONCURRENCY: "4" });
      await sink.waitForProcessed(MESSAGES, 20_000);
      await waitUntil(async () => (await listMessagesByStatus(database.db, "delivered", MESSAGES)).length === MESSAGES, 10_000, "every message recorded as delivered");
      await stopWorkerChild(survivor);

      // Nothing lost: the peer processed every message id.
      expect(new Set(sink.processedIds)).toEqual(new Set(messageIds));
      // None delivered twice *to the sink's effect*: delivery is at least once on the wire (the
      // killed worker never recorded the answers it was waiting for, so the survivor sent those
      // messages again), but every resend carried the same `webhook-id` (the outbox id), and the
      // sink recognised each as a duplicate and did not process it again. Without the stable id
      // the sink could not tell a resend from a new event; with it, processing is exactly once.
      expect(sink.processedIds).toHaveLength(MESSAGES);
      expect(sink.duplicateIds.length).toBeGreaterThan(0);
      expect(sink.duplicateIds).toContain(sink.processedIds[KILL_AT - 1]);
      for (const id of sink.duplicateIds) expect(sink.processedIds).toContain(id);
      expect(sink.deliveries).toHaveLength(MESSAGES + sink.duplicateIds.length);
    } finally {
      victim?.process.kill("SIGKILL");
      await sink.close();
    }
  });

  it.skipIf(engine !== "postgres")("runs each of 10,000 due timers exactly once across 4 worker processes", async () => {
    const TIMERS = 10_000;
    const workers = Array.from({ length: 4 }, () => startWorkerChild(database, { WORKER_CONCURRENCY: "4", WORKER_TIMER_BATCH: "50" }));
    await Promise.all(workers.map((w) => w.ready));
    const now = Date.now();
    const schedules = Array.from({ length: TIMERS }, (_, i) => ({ key: `run:${i}`, task: "record-run", payload: {}, runAt: now }));
    await database.db.transaction().execute((trx) => scheduleTimers(trx, schedules, now));
    await waitUntil(async () => Number((await database.db.selectFrom("timers").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n) === 0, 40_000, "every timer run");
    const counts = await Promise.all(workers.map(stopWorkerChild));

    const runs = await sql<{ runs: number; timers: number }>`select count(*)::int as runs, count(distinct timer_key)::int as timers from timer_runs`.execute(database.db);
    expect(runs.rows[0]).toEqual({ runs: TIMERS, timers: TIMERS });
    expect(counts.reduce((sum, c) => sum + c.timersCompleted, 0)).toBe(TIMERS);
    // A second run of any timer would have hit timer_runs' primary key and counted as a failure.
    expect(counts.map((c) => c.timersFailed)).toEqual([0, 0, 0, 0]);
    for (const c of counts) expect(c.timersCompleted).toBeGreaterThan(0);
  }, 60_000);
});
