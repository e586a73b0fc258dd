import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../test/support/engines.js";
import { captureLeadOwnedBy } from "../../test/support/owned-lead.js";
import { emailStep, enrolNow, insertOwnerWithMailbox, insertTestSequence, ALWAYS_OPEN_WINDOW } from "../../test/support/sequence-fixtures.js";
import { type SmtpSink, startSmtpSink } from "../../test/support/smtp-sink.js";
import { FINISH_GRACE_MS } from "../services/sequence-sending/advance-enrolment.js";
import { runSequenceStep } from "../services/sequence-sending/run-sequence-step.js";
import { pauseLiveEnrolmentInTransaction } from "../services/sequences/pause-live-enrolment.js";
import { resumeEnrolmentInTransaction } from "../services/sequences/resume-enrolment.js";
import { stopLiveEnrolmentInTransaction } from "../services/sequences/stop-live-enrolment.js";
import { optOutInTransaction } from "../services/suppressions/opt-out.js";
import { fromJsonColumn } from "../store/engine.js";
import { findMessageById, listMessagesByStatus } from "../store/outbox.js";
import { listEnrolmentsOfLead, lockEnrolment, updateEnrolment } from "../store/sequence-enrolments.js";
import { listSequenceMessagesOfLead } from "../store/sequence-messages.js";
import { findSuppressionOf } from "../store/suppressions.js";
import { findTimerByKey } from "../store/timers.js";
import { runDueWork } from "../worker/run-worker.js";
import { TIMER_TASKS } from "../worker/timer-tasks.js";
import { closeMailboxTransports } from "./mailbox-transport.js";
import { createSequenceEmailChannel } from "./sequence-email.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PUBLIC_URL = "https://closeloop.example";

describe.each(ENGINES)("sequence emails on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let sink: SmtpSink;
  let serial = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    sink = await startSmtpSink({ rejectRecipient: (address) => address.startsWith("nobody") });
  });
  afterAll(async () => {
    await sink.close();
    await database.destroy();
  });
  afterEach(() => closeMailboxTransports());

  const work = () => runDueWork(ctx, { tasks: TIMER_TASKS, channels: [createSequenceEmailChannel(ctx, { publicUrl: PUBLIC_URL })], random: () => 0 });
  const mailTo = (address: string) => sink.messages.filter((m) => m.to.includes(address));
  const eventsOf = async (leadId: string, type: string) =>
    (await ctx.db.selectFrom("events").selectAll().where("lead_id", "=", leadId).where("type", "=", type).execute()).map((e) => fromJsonColumn<Record<string, unknown>>(e.data));

  /** A fresh owner (with a mailbox unless `smtpUrl` is null), sequence and lead, enrolled now. */
  async function enrolled(options: { steps?: Parameters<typeof insertTestSequence>[2]; lead?: Record<string, unknown>; hourlyLimit?: number; hasMailbox?: boolean; smtpUrl?: string; nurtureSequenceId?: string } = {}) {
    const n = ++serial;
    const owner = await insertOwnerWithMailbox(ctx, `owner_${engine}_${n}`, { smtpUrl: options.hasMailbox === false ? null : (options.smtpUrl ?? sink.url), hourlyLimit: options.hourlyLimit });
    const sequence = await insertTestSequence(ctx, `sequence_${engine}_${n}`, options.steps ?? [emailStep(0), emailStep(2)], { nurtureSequenceId: options.nurtureSequenceId ?? null });
    const email = `lead${n}@buyer.example`;
    const leadId = await captureLeadOwnedBy(ctx, owner.userId, { email, firstName: "Bea", ...options.lead });
    const enrolment = await enrolNow(ctx, leadId, sequence);
    return { owner, sequence, leadId, email, enrolment };
  }

  it("sends day 0 through the owner's mailbox with its Message-ID and one-click unsubscribe, then day 2 threaded under it", async () => {
    const { owner, leadId, email, enrolment } = await enrolled();
    await work();
    const [first] = mailTo(email);
    const [queued] = await listSequenceMessagesOfLead(ctx.db, leadId, 10);
    expect(queued).toMatchObject({ status: "sent", sentAt: ctx.clock.now(), toAddress: email, subject: "Day 0: following up" });
    expect(queued!.messageId).toMatch(new RegExp(`^<seqmsg_[0-9a-f]+@sales\\.example>$`));
    expect(first!.header("message-id")).toBe(queued!.messageId);
    expect(first!.header("from")).toContain(owner.fromAddress);
    expect(first!.header("in-reply-to")).toBeUndefined();
    expect(first!.header("list-unsubscribe")).toMatch(new RegExp(`^<${PUBLIC_URL}/u/[A-Za-z0-9_.-]+>$`));
    expect(first!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(first!.raw).toContain("Hello Bea");
    expect(await eventsOf(leadId, "message_sent")).toEqual([expect.objectContaining({ sequenceMessageId: queued!.id, messageId: queued!.messageId, stepIndex: 0 })]);
    expect(await eventsOf(leadId, "touch")).toContainEqual(expect.objectContaining({ channel: "email", direction: "out", isAutomated: true }));
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ nextStepIndex: 1, threadMessageId: queued!.messageId, lastMessageId: queued!.messageId, nextSendAt: ctx.clock.now() + 2 * DAY });

    ctx.clock.advance(2 * DAY);
    await work();
    const second = mailTo(email)[1]!;
    const [secondRow] = await listSequenceMessagesOfLead(ctx.db, leadId, 1);
    expect(second.header("message-id")).toBe(secondRow!.messageId);
    expect(second.header("in-reply-to")).toBe(queued!.messageId);
    expect(second.header("references")).toBe(queued!.messageId);
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ status: "active", nextStepIndex: 2, nextSendAt: ctx.clock.now() + 3 * DAY });
    ctx.clock.advance(3 * DAY);
    await work();
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ status: "finished", nextSendAt: null });
    expect(mailTo(email)).toHaveLength(2);
  });

  it("keeps to the mailbox's hourly limit: the step waits inside its window and goes when the hour has rolled", async () => {
    ctx.clock.set(Date.UTC(2026, 2, 10, 9, 0)); // Tuesday 09:00 UTC, inside business hours
    const first = await enrolled({ hourlyLimit: 1, steps: [emailStep(0)] });
    await work();
    const owner = first.owner.userId;
    // A second lead of the same owner, due now: the mailbox sent one this hour already.
    const sequence = await insertTestSequence(ctx, `sequence_${engine}_second_${serial}`, [emailStep(0)]);
    const leadId = await captureLeadOwnedBy(ctx, owner, { email: `second${serial}@buyer.example`, firstName: "Cy" });
    const enrolment = await enrolNow(ctx, leadId, sequence);
    await work();
    expect(mailTo(`second${serial}@buyer.example`)).toHaveLength(0);
    const waiting = await lockEnrolment(ctx.db, enrolment.id);
    expect(waiting!.nextSendAt).toBe(ctx.clock.now() + HOUR / 10);
    expect(await findTimerByKey(ctx.db, `sequence-step:${enrolment.id}`)).toMatchObject({ runAt: waiting!.nextSendAt, payload: { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 } });
    // Rechecks in the same hour find it still full; once the first message is an hour old, the second goes.
    ctx.clock.advance(HOUR / 10);
    await work();
    expect(mailTo(`second${serial}@buyer.example`)).toHaveLength(0);
    ctx.clock.advance(HOUR);
    await work();
    expect(mailTo(`second${serial}@buyer.example`)).toHaveLength(1);
  });

  it("holds a message whose window closed before it was sent until the next opening, without counting an attempt", async () => {
    ctx.clock.set(Date.UTC(2026, 2, 3, 16, 59)); // Tuesday 16:59 UTC, a minute before the window closes
    const { leadId, email, enrolment } = await enrolled({ steps: [emailStep(0)] });
    await ctx.db.transaction().execute((trx) => runSequenceStep(trx, ctx, { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 }, ctx.clock.now()));
    const [queued] = await listSequenceMessagesOfLead(ctx.db, leadId, 1);
    expect(queued).toMatchObject({ status: "queued", windowEndsAt: Date.UTC(2026, 2, 3, 17, 0) });

    ctx.clock.set(Date.UTC(2026, 2, 3, 17, 2));
    await work();
    expect(mailTo(email)).toHaveLength(0);
    const [outbox] = (await listMessagesByStatus(ctx.db, "pending", 1000)).filter((m) => m.key === `sequence-email:${queued!.id}`);
    expect(outbox).toMatchObject({ attempts: 0, availableAt: Date.UTC(2026, 2, 4, 9, 0) });

    ctx.clock.set(Date.UTC(2026, 2, 4, 9, 0));
    await work();
    expect(mailTo(email)).toHaveLength(1);
    expect((await findMessageById(ctx.db, outbox!.id))!.status).toBe("delivered");
  });

  it("pauses on a template the lead's data cannot fill, and tells the owner, instead of sending a blank", async () => {
    const { owner, leadId, email, enrolment } = await enrolled({ steps: [emailStep(0, { body: "Hi {{ lead.company }}, …" })], lead: { company: null } });
    await work();
    expect(mailTo(email)).toHaveLength(0);
    expect(await listSequenceMessagesOfLead(ctx.db, leadId, 10)).toEqual([]);
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ status: "paused", pauseReason: "template_error" });
    const notices = (await listMessagesByStatus(ctx.db, "pending", 1000)).filter((m) => m.channel === "email" && (m.payload as { to: string[] }).to.includes(owner.email));
    expect(notices).toHaveLength(1);
    expect((notices[0]!.payload as { text: string }).text).toContain("lead.company");
  });

  it("pauses for an owner without a mailbox and tells them", async () => {
    const { owner, enrolment } = await enrolled({ hasMailbox: false });
    await work();
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ status: "paused", pauseReason: "no_mailbox" });
    const notices = (await listMessagesByStatus(ctx.db, "pending", 1000)).filter((m) => m.channel === "email" && (m.payload as { to: string[] }).to.includes(owner.email));
    expect(notices).toHaveLength(1);
  });

  it("does not send a queued message to an address that opted out meanwhile", async () => {
    const { leadId, email, enrolment } = await enrolled();
    await ctx.db.transaction().execute((trx) => runSequenceStep(trx, ctx, { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 }, ctx.clock.now()));
    await ctx.db.transaction().execute((trx) => optOutInTransaction(trx, ctx, { address: email, leadId, via: "manual", actor: "test", now: ctx.clock.now() }));
    await work();
    expect(mailTo(email)).toHaveLength(0);
    expect(await listSequenceMessagesOfLead(ctx.db, leadId, 10)).toEqual([expect.objectContaining({ status: "suppressed" })]);
    expect(await eventsOf(leadId, "message_suppressed")).toHaveLength(1);
  });

  it("treats a 550 no-such-user refusal as a hard bounce: the message failed, the address suppressed, the sequence stopped", async () => {
    const { leadId, enrolment } = await enrolled({ lead: { email: `nobody${serial + 1}@buyer.example` } });
    await work();
    const [message] = await listSequenceMessagesOfLead(ctx.db, leadId, 10);
    expect(message).toMatchObject({ status: "failed", statusDetail: expect.stringContaining("No such mailbox") });
    expect(await eventsOf(leadId, "message_failed")).toEqual([expect.objectContaining({ statusCode: 550 })]);
    expect(await findSuppressionOf(ctx.db, message!.toAddress)).toMatchObject({ reason: "bounced" });
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ status: "stopped", stopReason: "bounced" });
  });

  it("keeps the enrolment open for a grace period after its last email, so a reply then stops it and its nurture waits", async () => {
    const nurture = await insertTestSequence(ctx, `nurture_${engine}_${++serial}`, [emailStep(30, { window: ALWAYS_OPEN_WINDOW })], { purpose: "nurture", repeatEveryDays: 30 });
    const { leadId, email, enrolment } = await enrolled({ steps: [emailStep(0, { window: ALWAYS_OPEN_WINDOW })], nurtureSequenceId: nurture.id });
    await work();
    expect(mailTo(email)).toHaveLength(1);
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ status: "active", nextStepIndex: 1, nextSendAt: ctx.clock.now() + FINISH_GRACE_MS });
    ctx.clock.advance(DAY);
    const stopped = await ctx.db.transaction().execute((trx) => stopLiveEnrolmentInTransaction(trx, ctx, { leadId, reason: "replied", actor: "system", now: ctx.clock.now() }));
    expect(stopped).toMatchObject({ id: enrolment.id, status: "stopped", stopReason: "replied" });
    ctx.clock.advance(FINISH_GRACE_MS);
    await work();
    expect(await listEnrolmentsOfLead(ctx.db, leadId)).toEqual([expect.objectContaining({ id: enrolment.id, status: "stopped" })]);
  });

  it("stops, not sends, a last email still queued when the deal is won before it goes out", async () => {
    const { leadId, email, enrolment } = await enrolled({ steps: [emailStep(0, { window: ALWAYS_OPEN_WINDOW })] });
    await ctx.db.transaction().execute((trx) => runSequenceStep(trx, ctx, { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 }, ctx.clock.now()));
    await ctx.db.transaction().execute((trx) => stopLiveEnrolmentInTransaction(trx, ctx, { leadId, reason: "won", actor: "system", now: ctx.clock.now() }));
    await work();
    expect(mailTo(email)).toHaveLength(0);
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ status: "stopped", stopReason: "won" });
  });

  it("settles a lead's still-queued email as suppressed when its sequence ends though no enrolment is live (finished, or replaced by hand)", async () => {
    const { leadId, email, enrolment } = await enrolled({ steps: [emailStep(0, { window: ALWAYS_OPEN_WINDOW })] });
    await ctx.db.transaction().execute((trx) => runSequenceStep(trx, ctx, { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 }, ctx.clock.now()));
    await updateEnrolment(ctx.db, { ...(await lockEnrolment(ctx.db, enrolment.id))!, status: "finished", nextSendAt: null, endedAt: ctx.clock.now() });
    expect(await ctx.db.transaction().execute((trx) => stopLiveEnrolmentInTransaction(trx, ctx, { leadId, reason: "meeting_booked", actor: "system", now: ctx.clock.now() }))).toBeUndefined();
    const [message] = await listSequenceMessagesOfLead(ctx.db, leadId, 10);
    expect(message).toMatchObject({ status: "suppressed", statusDetail: "the sequence stopped (meeting_booked)" });
    expect(await eventsOf(leadId, "message_suppressed")).toEqual([expect.objectContaining({ sequenceMessageId: message!.id, reason: "the sequence stopped (meeting_booked)" })]);
    await work();
    expect(mailTo(email)).toHaveLength(0);
  });

  it("after a backlog, moves the next steps by how late a step ran instead of sending them back to back", async () => {
    const { email, enrolment } = await enrolled({ steps: [emailStep(0, { window: ALWAYS_OPEN_WINDOW }), emailStep(2, { window: ALWAYS_OPEN_WINDOW })] });
    ctx.clock.advance(3 * DAY); // the worker was down: day 0 runs three days late, day 2 is overdue too
    await work();
    expect(mailTo(email)).toHaveLength(1);
    expect(await lockEnrolment(ctx.db, enrolment.id)).toMatchObject({ nextStepIndex: 1, anchorAt: enrolment.anchorAt + 3 * DAY, nextSendAt: ctx.clock.now() + 2 * DAY });
  });

  const outboxOf = async (sequenceMessageId: string) => (await ctx.db.selectFrom("outbox").selectAll().where("key", "=", `sequence-email:${sequenceMessageId}`).executeTakeFirstOrThrow());

  it("holds a queued email while its sequence is paused, until the pause ends (paused by hand: an hour at a time), and sends it once resumed", async () => {
    const byHand = await enrolled({ steps: [emailStep(0, { window: ALWAYS_OPEN_WINDOW }), emailStep(5, { window: ALWAYS_OPEN_WINDOW })] });
    const away = await enrolled({ steps: [emailStep(0, { window: ALWAYS_OPEN_WINDOW }), emailStep(5, { window: ALWAYS_OPEN_WINDOW })] });
    const returnsAt = ctx.clock.now() + 2 * DAY;
    for (const [{ leadId, enrolment }, reason, until] of [[byHand, "manual", null], [away, "out_of_office", returnsAt]] as const) {
      await ctx.db.transaction().execute((trx) => runSequenceStep(trx, ctx, { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 }, ctx.clock.now()));
      await ctx.db.transaction().execute((trx) => pauseLiveEnrolmentInTransaction(trx, ctx, { leadId, reason, until, actor: "test", now: ctx.clock.now() }));
    }
    await work();
    expect([...mailTo(byHand.email), ...mailTo(away.email)]).toHaveLength(0);
    const [[held], [waiting]] = [await listSequenceMessagesOfLead(ctx.db, byHand.leadId, 1), await listSequenceMessagesOfLead(ctx.db, away.leadId, 1)];
    expect([held!.status, waiting!.status]).toEqual(["queued", "queued"]);
    expect(await outboxOf(held!.id)).toMatchObject({ status: "pending", attempts: 0, available_at: ctx.clock.now() + HOUR });
    expect(await outboxOf(waiting!.id)).toMatchObject({ status: "pending", attempts: 0, available_at: returnsAt });

    await ctx.db.transaction().execute((trx) => resumeEnrolmentInTransaction(trx, ctx, { leadId: byHand.leadId, actor: "test", now: ctx.clock.now() }));
    ctx.clock.advance(HOUR);
    await work();
    expect(mailTo(byHand.email)).toHaveLength(1);
    expect(mailTo(away.email)).toHaveLength(0);
  });

  it("settles an email failed, with message_failed, when its last attempt fails for a temporary reason", async () => {
    const { leadId, enrolment } = await enrolled({ steps: [emailStep(0, { window: ALWAYS_OPEN_WINDOW })], smtpUrl: "smtp://127.0.0.1:1" });
    await ctx.db.transaction().execute((trx) => runSequenceStep(trx, ctx, { enrolmentId: enrolment.id, cycle: 0, stepIndex: 0 }, ctx.clock.now()));
    const [queued] = await listSequenceMessagesOfLead(ctx.db, leadId, 1);
    await ctx.db.updateTable("outbox").set({ attempts: 9 }).where("key", "=", `sequence-email:${queued!.id}`).execute();
    await work();
    expect(await outboxOf(queued!.id)).toMatchObject({ status: "dead", attempts: 10 });
    const [failed] = await listSequenceMessagesOfLead(ctx.db, leadId, 1);
    expect(failed).toMatchObject({ status: "failed", statusDetail: expect.stringContaining("ECONNREFUSED") });
    expect(await eventsOf(leadId, "message_failed")).toEqual([expect.objectContaining({ sequenceMessageId: queued!.id, statusCode: null })]);
  });
});
