import { Type } from "typebox";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../test/support/engines.js";
import { type SmtpSink, startSmtpSink } from "../../test/support/smtp-sink.js";
import { startWebhookSink } from "../../test/support/webhook-sink.js";
import { systemClock } from "../clock.js";
import { createEmailChannel } from "../channels/email.js";
import { createWebhookChannel } from "../channels/webhook.js";
import { enqueueLeadEvent } from "../services/notifications/enqueue-lead-event.js";
import { createWebhook } from "../services/webhooks/create-webhook.js";
import { listWebhookDeliveries } from "../services/webhooks/read-webhooks.js";
import { retryDeadWork } from "../services/work/retry-dead-work.js";
import type { ServiceContext } from "../services/context.js";
import { fromJsonColumn } from "../store/engine.js";
import { appendEvents } from "../store/events.js";
import { enqueueMessages, listMessagesByStatus } from "../store/outbox.js";
import { findTimerByKey, scheduleTimer } from "../store/timers.js";
import { findWebhookSubscription } from "../store/webhook-subscriptions.js";
import { runDueWork, startWorker, type WorkerOptions } from "./run-worker.js";
import { PermanentTaskError, type TimerTask } from "./timer-task.js";

const NotePayload = Type.Object({ leadId: Type.String(), text: Type.String(), outcome: Type.Union([Type.Literal("ok"), Type.Literal("fail"), Type.Literal("permanent"), Type.Literal("reschedule")]) });

/** Writes a note event, then does what the payload says: the writes must commit only with the completion. */
const noteTask: TimerTask<typeof NotePayload> = {
  name: "test-note",
  payloadSchema: NotePayload,
  retry: { maxAttempts: 2, backoffBaseMs: 1000, backoffMaxMs: 10_000 },
  async run({ trx, payload, timer, now }) {
    await appendEvents(trx, [{ leadId: null, type: "note", actor: "system", at: now, data: { text: payload.text } }]);
    if (payload.outcome === "fail") throw new Error("the peer is down");
    if (payload.outcome === "permanent") throw new PermanentTaskError("the lead is gone");
    if (payload.outcome === "reschedule") await scheduleTimer(trx, { key: timer.key, task: "test-note", payload: { ...payload, outcome: "ok" }, runAt: now + 60_000 }, now);
  },
};

const notes = async (ctx: ServiceContext) => (await ctx.db.selectFrom("events").select("data").where("type", "=", "note").execute()).length;
const eventsOfType = (ctx: ServiceContext, type: string) => ctx.db.selectFrom("events").selectAll().where("type", "=", type).execute();
const options = (ctx: ServiceContext, extra: Partial<WorkerOptions> = {}): WorkerOptions => ({
  tasks: [noteTask],
  channels: [createWebhookChannel({ timeoutMs: 2000, clock: ctx.clock, findEndpoint: (id) => findWebhookSubscription(ctx.db, id) })],
  random: () => 0,
  ...extra,
});

describe.each(ENGINES)("worker on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    ctx = testContext(database.db);
    for (const table of ["timers", "outbox", "events", "webhook_subscriptions"] as const) await database.db.deleteFrom(table).execute();
  });
  const schedule = (key: string, outcome: string) =>
    scheduleTimer(ctx.db, { key, task: "test-note", payload: { leadId: "lead_1", text: key, outcome }, runAt: ctx.clock.now() }, ctx.clock.now());

  it("runs a due timer's task and completes the timer in the same transaction", async () => {
    await schedule("t1", "ok");
    expect(await runDueWork(ctx, options(ctx))).toMatchObject({ timersCompleted: 1, timersFailed: 0 });
    expect(await notes(ctx)).toBe(1);
    expect(await findTimerByKey(ctx.db, "t1")).toBeUndefined();
    expect(await runDueWork(ctx, options(ctx))).toMatchObject({ timersCompleted: 0 });
  });

  it("rolls a failed attempt back, retries after the backoff, then leaves it dead with a work_dead event", async () => {
    await schedule("t1", "fail");
    await runDueWork(ctx, options(ctx));
    // random 0 picks the bottom of the jitter range: half the 1 s base.
    expect(await findTimerByKey(ctx.db, "t1")).toMatchObject({ attempts: 1, lastError: "the peer is down", status: "pending", runAt: ctx.clock.now() + 500 });
    expect(await notes(ctx)).toBe(0);
    ctx.clock.advance(499);
    expect(await runDueWork(ctx, options(ctx))).toMatchObject({ timersFailed: 0 });
    ctx.clock.advance(1);
    await runDueWork(ctx, options(ctx));
    expect(await findTimerByKey(ctx.db, "t1")).toMatchObject({ attempts: 2, status: "dead" });
    const [dead] = await eventsOfType(ctx, "work_dead");
    expect(fromJsonColumn(dead!.data)).toMatchObject({ kind: "timer", key: "t1", task: "test-note", attempts: 2, leadId: "lead_1" });
    await retryDeadWork(ctx, "timer", (await findTimerByKey(ctx.db, "t1"))!.id, "user:admin");
    expect(await findTimerByKey(ctx.db, "t1")).toMatchObject({ attempts: 0, status: "pending", runAt: ctx.clock.now() });
  });

  it("commits the rest of a batch when one of its timers fails, and counts the attempt on that one only", async () => {
    await schedule("first", "ok");
    await schedule("broken", "fail");
    await schedule("last", "ok");
    expect(await runDueWork(ctx, options(ctx))).toMatchObject({ timersCompleted: 2, timersFailed: 1 });
    expect(await notes(ctx)).toBe(2);
    expect(await findTimerByKey(ctx.db, "broken")).toMatchObject({ attempts: 1, status: "pending" });
    expect(await findTimerByKey(ctx.db, "first")).toBeUndefined();
  });

  it("leaves a timer dead at once when its payload fails the schema or its task says retrying is pointless", async () => {
    await scheduleTimer(ctx.db, { key: "bad", task: "test-note", payload: { leadId: 42, text: "x", outcome: "ok" }, runAt: ctx.clock.now() }, ctx.clock.now());
    await schedule("gone", "permanent");
    await runDueWork(ctx, options(ctx));
    expect(await findTimerByKey(ctx.db, "bad")).toMatchObject({ status: "dead", attempts: 1, lastError: expect.stringMatching(/^invalid payload: \/leadId/) });
    expect(await findTimerByKey(ctx.db, "gone")).toMatchObject({ status: "dead", attempts: 1, lastError: "the lead is gone" });
  });

  it("keeps the new schedule when a task reschedules its own key", async () => {
    await schedule("sla:lead_1", "reschedule");
    await runDueWork(ctx, options(ctx));
    expect(await findTimerByKey(ctx.db, "sla:lead_1")).toMatchObject({ runAt: ctx.clock.now() + 60_000, payload: expect.objectContaining({ outcome: "ok" }) });
  });

  it("delivers webhooks, retrying a failed attempt, and keeps a delivery log per attempt", async () => {
    const sink = await startWebhookSink({ statusFor: (n) => (n === 1 ? 500 : 200) });
    try {
      const subscription = await createWebhook(ctx, { url: sink.url, eventTypes: ["lead.created"] }, "user:admin");
      await ctx.db.transaction().execute((trx) => enqueueLeadEvent(trx, { type: "lead.created", leadId: "lead_1", data: { name: "Ana" } }, ctx.clock.now()));
      await runDueWork(ctx, options(ctx));
      ctx.clock.advance(2500);
      await runDueWork(ctx, options(ctx));
      expect(sink.processedIds).toHaveLength(1);
      const log = await listWebhookDeliveries(ctx, subscription.id, 10);
      expect(log.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
        [2, "delivered", 200],
        [1, "failed", 500],
      ]);
      expect(sink.deliveries.map((d) => d.id)).toEqual([log[0]!.messageId, log[0]!.messageId]);
    } finally {
      await sink.close();
    }
  });

  it("sends email through SMTP with the outbox id in the Message-ID", async () => {
    const smtp: SmtpSink = await startSmtpSink();
    try {
      const payload = { to: ["rita@team.example"], subject: "New lead", text: "Call Ana." };
      await enqueueMessages(ctx.db, [{ id: "msg_email_1", key: "email:1", channel: "email", payload, availableAt: ctx.clock.now() }], ctx.clock.now());
      const email = createEmailChannel({ smtpUrl: smtp.url, from: "alerts@crm.example.com", timeoutMs: 5000 });
      await runDueWork(ctx, options(ctx, { channels: [email] }));
      const [sent] = await listMessagesByStatus(ctx.db, "delivered", 10);
      expect(smtp.messages[0]!.header("message-id")).toBe(`<${sent!.id}@crm.example.com>`);
    } finally {
      await smtp.close();
    }
  });

  it("wakes at once when work is written, without waiting for its poll", async () => {
    const live = { ...ctx, clock: systemClock };
    const sink = await startWebhookSink();
    await createWebhook(live, { url: sink.url, eventTypes: ["lead.assigned"] }, "user:admin");
    // A 60 s poll: only the wake-up (in-process, or NOTIFY on PostgreSQL) can deliver within the test.
    const worker = await startWorker(live, options(live, { idlePollMs: 60_000, listenUrl: process.env.TEST_DATABASE_URL }));
    try {
      await sink.waitForProcessed(0);
      const committedAt = Date.now();
      await live.db.transaction().execute((trx) => enqueueLeadEvent(trx, { type: "lead.assigned", leadId: "lead_1", data: {} }, live.clock.now()));
      await sink.waitForProcessed(1, 5000);
      expect(sink.deliveries[0]!.receivedAt - committedAt).toBeLessThan(1000);
    } finally {
      await worker.stop();
      await sink.close();
    }
  });

  it("on stop, finishes a delivery in flight and records it before resolving", async () => {
    const live = { ...ctx, clock: systemClock };
    let isProcessed!: () => void;
    const processed = new Promise<void>((resolve) => (isProcessed = resolve));
    const sink = await startWebhookSink({ answerDelayMs: 300, onProcessed: () => isProcessed() });
    await createWebhook(live, { url: sink.url, eventTypes: ["lead.created"] }, "user:admin");
    const worker = await startWorker(live, options(live));
    try {
      await live.db.transaction().execute((trx) => enqueueLeadEvent(trx, { type: "lead.created", leadId: "lead_1", data: {} }, live.clock.now()));
      await processed;
      await worker.stop();
      expect(await listMessagesByStatus(live.db, "delivered", 10)).toHaveLength(1);
      expect(worker.counts.messagesDelivered).toBe(1);
    } finally {
      await worker.stop();
      await sink.close();
    }
  });
});
