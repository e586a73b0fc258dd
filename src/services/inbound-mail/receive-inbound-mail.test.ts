import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestContext, type TestDatabase, testContext } from "../../../test/support/engines.js";
import { captureLeadOwnedBy } from "../../../test/support/owned-lead.js";
import { rawBounce, rawMail } from "../../../test/support/raw-mail.js";
import { emailStep, enrolNow, insertOwnerWithMailbox, insertTestSequence } from "../../../test/support/sequence-fixtures.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadById, claimMatchKeys } from "../../store/leads.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { listEnrolmentsOfLead } from "../../store/sequence-enrolments.js";
import { insertSequenceMessage } from "../../store/sequence-messages.js";
import { findSuppressionOf } from "../../store/suppressions.js";
import { writeSetting } from "../../store/settings.js";
import { receiveInboundMail } from "./receive-inbound-mail.js";
import { DAY_MS } from "../../domain/time.js";

const OWNER = "rep_inbound";

describe.each(ENGINES)("receiveInboundMail on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let sequence: Sequence;
  let leadCount = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    await insertOwnerWithMailbox(ctx, OWNER, { smtpUrl: "smtp://127.0.0.1:2525" });
    sequence = await insertTestSequence(ctx, "seq_inbound", [emailStep(0), emailStep(2)]);
  });
  afterAll(() => database.destroy());

  /** A lead owned by OWNER, enrolled, with its day-0 email sent as `<messageId>`. */
  async function enrolledLead(options: { timezone?: string } = {}) {
    leadCount += 1;
    const email = `lead${leadCount}@example.com`;
    const leadId = await captureLeadOwnedBy(ctx, OWNER, { email, firstName: "Ann", ...(options.timezone ? { timezone: options.timezone } : {}) });
    const enrolment = await enrolNow(ctx, leadId, sequence);
    const messageId = `<msg_${leadCount}@sales.example>`;
    const now = ctx.clock.now();
    await insertSequenceMessage(ctx.db, {
      id: `msg_${leadCount}`, enrolmentId: enrolment.id, leadId, cycle: 0, stepIndex: 0, mailboxUserId: OWNER, toAddress: email, messageId, inReplyTo: null,
      subject: "Day 0: following up", bodyText: "Hello", status: "sent", statusDetail: null, windowEndsAt: now + DAY_MS, queuedAt: now, sentAt: now,
    });
    return { leadId, email, enrolment, messageId };
  }

  const enrolmentOf = async (leadId: string) => (await listEnrolmentsOfLead(ctx.db, leadId))[0]!;
  const eventTypes = async (leadId: string) => (await listLeadEvents(ctx.db, leadId)).map((event) => event.type);

  it("stops the sequence on a reply in the thread, starts the wait for an answer and tells the owner, once", async () => {
    const { leadId, email, enrolment, messageId } = await enrolledLead();
    const raw = rawMail({ from: `Ann <${email.toUpperCase()}>`, to: `${OWNER}@sales.example`, subject: "Re: Day 0: following up", messageId: "<reply-1@example.com>", inReplyTo: messageId, text: "Yes, let's talk." });
    const receipt = await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: OWNER });
    expect(receipt).toEqual({ id: expect.any(String), kind: "reply", leadId, isDuplicate: false });
    expect(await enrolmentOf(leadId)).toMatchObject({ id: enrolment.id, status: "stopped", stopReason: "replied" });
    const replied = (await listLeadEvents(ctx.db, leadId)).find((event) => event.type === "replied");
    expect(replied?.data).toEqual({ messageId: "<reply-1@example.com>", inReplyTo: messageId, via: "imap", subject: "Re: Day 0: following up" });
    const lead = (await findLeadById(ctx.db, leadId))!;
    expect((await findLeadPipeline(ctx.db, lead)).replyWaitingSince).toBe(ctx.clock.now());
    const notices = await ctx.db.selectFrom("outbox").select(["key", "payload"]).where("key", "like", `email:${leadId}:replied:%`).execute();
    expect(notices).toHaveLength(1);

    const again = await receiveInboundMail(ctx, { raw, via: "webhook", mailboxUserId: null });
    expect(again).toEqual({ ...receipt, isDuplicate: true });
    expect((await eventTypes(leadId)).filter((type) => type === "replied")).toHaveLength(1);
  });

  it("matches by References when In-Reply-To names nothing we sent", async () => {
    const { leadId, messageId } = await enrolledLead();
    const raw = rawMail({ from: "colleague@example.net", to: `${OWNER}@sales.example`, subject: "Re: following up", messageId: "<reply-2@example.net>", inReplyTo: "<other@example.net>", references: [messageId, "<other@example.net>"], text: "Ann asked me to answer." });
    expect(await receiveInboundMail(ctx, { raw, via: "webhook", mailboxUserId: null })).toMatchObject({ kind: "reply", leadId });
    expect(await enrolmentOf(leadId)).toMatchObject({ status: "stopped", stopReason: "replied" });
  });

  it("counts a new message from an address merged into the lead, outside the thread, as a reply", async () => {
    const { leadId } = await enrolledLead();
    await claimMatchKeys(ctx.db, [{ matchKey: "email:ann.private@example.org", leadId }]);
    const raw = rawMail({ from: "Ann.Private@example.org", to: `${OWNER}@sales.example`, subject: "Question", messageId: "<new-3@example.org>", text: "A question about pricing." });
    expect(await receiveInboundMail(ctx, { raw, via: "webhook", mailboxUserId: null })).toMatchObject({ kind: "reply", leadId });
    expect(await enrolmentOf(leadId)).toMatchObject({ status: "stopped", stopReason: "replied" });
  });

  it("records a reply from a lead without a live sequence: replied and waiting, nothing to stop", async () => {
    const leadId = await captureLeadOwnedBy(ctx, OWNER, { email: "solo@example.com" });
    const raw = rawMail({ from: "solo@example.com", to: `${OWNER}@sales.example`, subject: "Hello", messageId: "<solo@example.com>", text: "Hi there." });
    expect(await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: OWNER })).toMatchObject({ kind: "reply", leadId });
    expect(await eventTypes(leadId)).toContain("replied");
    expect((await findLeadPipeline(ctx.db, (await findLeadById(ctx.db, leadId))!)).replyWaitingSince).toBe(ctx.clock.now());
  });

  it("pauses the sequence on an out-of-office until the return date it states, in the lead's zone", async () => {
    const { leadId, email, messageId } = await enrolledLead({ timezone: "Europe/Berlin" });
    const raw = rawMail({ from: email, to: `${OWNER}@sales.example`, subject: "Abwesenheitsnotiz: Day 0", messageId: "<ooo-1@example.com>", inReplyTo: messageId, headers: { "Auto-Submitted": "auto-replied" }, text: "Ich bin bis zum 8.3. nicht im Büro." });
    expect(await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: OWNER })).toMatchObject({ kind: "out_of_office", leadId });
    const returnsAt = Date.UTC(2026, 2, 8, 23, 0); // 9 March 00:00 in Berlin (CET, UTC+1)
    expect(await enrolmentOf(leadId)).toMatchObject({ status: "paused", pauseReason: "out_of_office", pausedUntil: returnsAt });
    const autoReplied = (await listLeadEvents(ctx.db, leadId)).find((event) => event.type === "auto_replied");
    expect(autoReplied?.data).toEqual({ isOutOfOffice: true, returnsAt });
    expect(await eventTypes(leadId)).not.toContain("replied");
    const resume = await ctx.db.selectFrom("timers").select(["run_at"]).where("key", "like", "sequence-resume:%").where("run_at", "=", returnsAt).execute();
    expect(resume).toHaveLength(1);
  });

  it("pauses for the workspace's default days when the out-of-office states no readable date", async () => {
    await writeSetting(ctx.db, "outOfOfficeResumeDays", 5, REFERENCE_TIME);
    const { leadId, email, messageId } = await enrolledLead();
    const raw = rawMail({ from: email, to: `${OWNER}@sales.example`, subject: "Out of Office", messageId: "<ooo-2@example.com>", inReplyTo: messageId, text: "I am out of the office with limited access to email." });
    await receiveInboundMail(ctx, { raw, via: "webhook", mailboxUserId: null });
    expect(await enrolmentOf(leadId)).toMatchObject({ status: "paused", pausedUntil: ctx.clock.now() + 5 * DAY_MS });
  });

  it("records another automatic reply and leaves the sequence running", async () => {
    const { leadId, email, messageId } = await enrolledLead();
    const raw = rawMail({ from: email, to: `${OWNER}@sales.example`, subject: "We got your message [#4411]", messageId: "<ticket@example.com>", inReplyTo: messageId, headers: { "Auto-Submitted": "auto-generated" }, text: "A member of our team will answer soon." });
    expect(await receiveInboundMail(ctx, { raw, via: "webhook", mailboxUserId: null })).toMatchObject({ kind: "auto_reply", leadId });
    expect(await enrolmentOf(leadId)).toMatchObject({ status: "active" });
    expect(await eventTypes(leadId)).toContain("auto_replied");
  });

  it("suppresses the address and stops the sequence on a bounce of a sequence email", async () => {
    const { leadId, email, messageId } = await enrolledLead();
    const raw = rawBounce({ to: `${OWNER}@sales.example`, recipient: email, originalMessageId: messageId, messageId: "<dsn-1@mx.example.org>" });
    expect(await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: OWNER })).toMatchObject({ kind: "bounce", leadId });
    expect(await findSuppressionOf(ctx.db, email)).toMatchObject({ reason: "bounced" });
    expect(await enrolmentOf(leadId)).toMatchObject({ status: "stopped", stopReason: "bounced" });
    expect(await eventTypes(leadId)).toContain("bounced");
  });

  it("suppresses the address the bounced sequence email went to, not the one forwarding delivered it to", async () => {
    const { leadId, email, messageId } = await enrolledLead();
    const forwardedTo = `forwarded-${leadId}@mail.example.net`;
    const raw = rawBounce({ to: `${OWNER}@sales.example`, recipient: forwardedTo, originalMessageId: messageId, messageId: `<dsn-fwd-${leadId}@mx.example.org>` });
    expect(await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: OWNER })).toMatchObject({ kind: "bounce", leadId });
    expect(await findSuppressionOf(ctx.db, email)).toMatchObject({ reason: "bounced" });
    expect(await findSuppressionOf(ctx.db, forwardedTo)).toBeUndefined();
  });

  it("records a reply whose subject, text and sender carry NUL characters, without them", async () => {
    const { leadId, email, messageId } = await enrolledLead();
    const raw = rawMail({ from: `Ann <${email.replace("@", "\u0000@")}>`, to: `${OWNER}@sales.example`, subject: "Re: Day\u0000 0", messageId: `<nul-${leadId}@example.com>`, inReplyTo: messageId, text: "Yes\u0000 please." });
    const receipt = await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: OWNER });
    expect(receipt).toMatchObject({ kind: "reply", leadId });
    const stored = await ctx.db.selectFrom("inbound_messages").select(["subject", "from_address"]).where("id", "=", receipt.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ subject: "Re: Day 0", from_address: email });
    expect((await listLeadEvents(ctx.db, leadId)).find((event) => event.type === "replied")?.data).toMatchObject({ subject: "Re: Day 0" });
  });

  it("takes mail the team wrote itself, in the thread, as no reply from the lead", async () => {
    const { leadId, messageId } = await enrolledLead();
    const raw = rawMail({ from: `${OWNER}@sales.example`, to: "lead@example.com", subject: "Re: Day 0", messageId: "<own@sales.example>", references: [messageId], text: "Following up myself." });
    expect(await receiveInboundMail(ctx, { raw, via: "imap", mailboxUserId: OWNER })).toMatchObject({ kind: "unmatched", leadId: null });
    expect(await enrolmentOf(leadId)).toMatchObject({ status: "active" });
  });

  it("records mail about nobody as unmatched and changes nothing else", async () => {
    const before = await ctx.db.selectFrom("events").select((eb) => eb.fn.countAll<number | string>().as("count")).executeTakeFirstOrThrow();
    const raw = rawMail({ from: "stranger@example.net", to: `${OWNER}@sales.example`, subject: "Hello", text: "Who are you?" });
    expect(await receiveInboundMail(ctx, { raw, via: "webhook", mailboxUserId: null })).toMatchObject({ kind: "unmatched", leadId: null, isDuplicate: false });
    expect(await receiveInboundMail(ctx, { raw, via: "webhook", mailboxUserId: null })).toMatchObject({ kind: "unmatched", isDuplicate: true });
    const after = await ctx.db.selectFrom("events").select((eb) => eb.fn.countAll<number | string>().as("count")).executeTakeFirstOrThrow();
    expect(Number(after.count)).toBe(Number(before.count));
  });
});
