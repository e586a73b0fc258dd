import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeMailboxTransports } from "../src/channels/mailbox-transport.js";
import { createSequenceEmailChannel } from "../src/channels/sequence-email.js";
import type { Sequence } from "../src/domain/sequences/sequence.js";
import { listLeadEvents } from "../src/store/events.js";
import { findMailbox, saveMailbox } from "../src/store/mailboxes.js";
import { listEnrolmentsOfLead } from "../src/store/sequence-enrolments.js";
import { listSequenceMessagesOfLead } from "../src/store/sequence-messages.js";
import { writeSetting } from "../src/store/settings.js";
import { pollMailboxesOnce } from "../src/worker/mailbox-poller.js";
import { runDueWork } from "../src/worker/run-worker.js";
import { TIMER_TASKS } from "../src/worker/timer-tasks.js";
import { appendToInbox, type Dovecot, dovecotTitle, hasDovecot, startDovecot } from "./support/dovecot.js";
import { ENGINES } from "./support/engines.js";
import { createTestApp, type TestApp } from "./support/http.js";
import { captureLeadOwnedBy } from "./support/owned-lead.js";
import { rawMail } from "./support/raw-mail.js";
import { emailStep, enrolNow, insertOwnerWithMailbox, insertTestSequence } from "./support/sequence-fixtures.js";
import { type SmtpSink, startSmtpSink } from "./support/smtp-sink.js";

const DAY = 24 * 3_600_000;
const OWNER_ID = "loop_owner";
const IMAP_USER = { name: "loop_owner", password: "mailbox password" };
const INBOUND_SECRET = "loop-inbound-secret";

/**
 * The acceptance loop against real peers on this machine: a sequence's day-0 email reaches a
 * local SMTP server (smtp-server) with its headers; replies come back through a real IMAP server
 * (dovecot, polled) and through the inbound endpoint (raw MIME), and stop the sequence; an
 * out-of-office only pauses it until the date it states.
 */
describe.skipIf(!hasDovecot).each(ENGINES)(dovecotTitle("sequence email loop on %s: SMTP out, IMAP and webhook back"), (engine) => {
  let t: TestApp;
  let sink: SmtpSink;
  let dovecot: Dovecot;
  let sequence: Sequence;
  let serial = 0;

  beforeAll(async () => {
    [sink, dovecot, t] = await Promise.all([startSmtpSink(), startDovecot([IMAP_USER]), createTestApp(engine)]);
    await insertOwnerWithMailbox(t.ctx, OWNER_ID, { smtpUrl: sink.url });
    const mailbox = (await findMailbox(t.ctx.db, OWNER_ID))!;
    await saveMailbox(t.ctx.db, { ...mailbox, imapUrl: dovecot.imapUrl(IMAP_USER), createdAt: t.ctx.clock.now(), updatedAt: t.ctx.clock.now() });
    await writeSetting(t.ctx.db, "inboundEmailSecret", INBOUND_SECRET, 0);
    sequence = await insertTestSequence(t.ctx, `loop_${engine}`, [emailStep(0), emailStep(2)]);
  }, 30_000);
  afterAll(async () => {
    closeMailboxTransports();
    await Promise.all([sink?.close(), dovecot?.stop(), t?.destroy()]);
  });

  const work = () => runDueWork(t.ctx, { tasks: TIMER_TASKS, channels: [createSequenceEmailChannel(t.ctx, { publicUrl: t.config.publicUrl })], random: () => 0 });
  const mailTo = (address: string) => sink.messages.filter((message) => message.to.includes(address));
  const enrolmentOf = async (leadId: string) => (await listEnrolmentsOfLead(t.ctx.db, leadId))[0]!;
  const eventsOf = async (leadId: string, type: string) => (await listLeadEvents(t.ctx.db, leadId)).filter((event) => event.type === type);

  /** A fresh lead of the owner's, enrolled, with its day-0 email sent: its address and that email's Message-ID. */
  async function leadWithDayZeroSent() {
    const email = `buyer${++serial}@lead.example`;
    const leadId = await captureLeadOwnedBy(t.ctx, OWNER_ID, { email, firstName: "Bea", lastName: `Buyer${serial}` });
    await enrolNow(t.ctx, leadId, sequence);
    await work();
    const [sent] = await listSequenceMessagesOfLead(t.ctx.db, leadId, 1);
    expect(sent).toMatchObject({ status: "sent", stepIndex: 0 });
    return { leadId, email, messageId: sent!.messageId };
  }

  it("delivers day 0 to the SMTP server with its From, To, Subject, Message-ID and one-click unsubscribe headers", async () => {
    const { email, messageId } = await leadWithDayZeroSent();
    const [received] = mailTo(email);
    expect(received!.header("from")).toContain(`${OWNER_ID}@sales.example`);
    expect(received!.header("to")).toContain(email);
    expect(received!.header("subject")).toBe("Day 0: following up");
    expect(received!.header("message-id")).toBe(messageId);
    expect(received!.header("list-unsubscribe")).toMatch(new RegExp(`^<${t.config.publicUrl}/u/[^>]+>`));
    expect(received!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });

  it("stops the sequence when the lead's reply lands in the owner's IMAP inbox", async () => {
    const { leadId, email, messageId } = await leadWithDayZeroSent();
    const reply = rawMail({ from: `Bea Buyer <${email}>`, to: `${OWNER_ID}@sales.example`, subject: "Re: Day 0: following up", messageId: `<imap-reply-${leadId}@lead.example>`, inReplyTo: messageId, references: [messageId], text: "Sounds good, call me." });
    await appendToInbox(dovecot.imapUrl(IMAP_USER), reply);
    await pollMailboxesOnce(t.ctx);

    expect(await enrolmentOf(leadId)).toMatchObject({ status: "stopped", stopReason: "replied" });
    expect((await eventsOf(leadId, "replied")).map((event) => event.data)).toEqual([{ messageId: `<imap-reply-${leadId}@lead.example>`, inReplyTo: messageId, via: "imap", subject: "Re: Day 0: following up" }]);
    t.ctx.clock.advance(3 * DAY);
    await work();
    expect(mailTo(email)).toHaveLength(1);
  });

  it("stops the sequence when a raw MIME reply is posted to the inbound endpoint", async () => {
    const { leadId, email, messageId } = await leadWithDayZeroSent();
    const reply = rawMail({ from: email, to: `${OWNER_ID}@sales.example`, subject: "Re: Day 0: following up", messageId: `<webhook-reply-${leadId}@lead.example>`, inReplyTo: messageId, text: "Yes, next week works." });
    const response = await t.app.inject({ method: "POST", url: "/api/v1/inbound/email", headers: { "content-type": "message/rfc822", "x-inbound-secret": INBOUND_SECRET }, payload: reply });

    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ kind: "reply", leadId, isDuplicate: false });
    expect(await enrolmentOf(leadId)).toMatchObject({ status: "stopped", stopReason: "replied" });
    expect((await eventsOf(leadId, "replied")).map((event) => event.data)).toEqual([expect.objectContaining({ via: "webhook", inReplyTo: messageId })]);
  });

  it("pauses, not stops, the sequence on an out-of-office reply, and resumes it after the stated return", async () => {
    const { leadId, email, messageId } = await leadWithDayZeroSent();
    // A weekday five or more days ahead, so the resumed step's window (weekdays 9–17) is open at 10:00 that day.
    let returnDay = DateTime.fromMillis(t.ctx.clock.now(), { zone: "UTC" }).plus({ days: 5 }).startOf("day");
    while (returnDay.weekday > 5) returnDay = returnDay.plus({ days: 1 });
    const outOfOffice = rawMail({
      from: email,
      to: `${OWNER_ID}@sales.example`,
      subject: "Automatic reply: Day 0: following up",
      messageId: `<ooo-${leadId}@lead.example>`,
      inReplyTo: messageId,
      headers: { "Auto-Submitted": "auto-replied" },
      text: `I am out of the office and back on ${returnDay.toFormat("d LLLL yyyy")}.`,
    });
    await appendToInbox(dovecot.imapUrl(IMAP_USER), outOfOffice);
    await pollMailboxesOnce(t.ctx);

    expect(await enrolmentOf(leadId)).toMatchObject({ status: "paused", pauseReason: "out_of_office", pausedUntil: returnDay.toMillis(), stopReason: null });
    expect(await eventsOf(leadId, "replied")).toEqual([]);
    expect((await eventsOf(leadId, "auto_replied")).map((event) => event.data)).toEqual([{ isOutOfOffice: true, returnsAt: returnDay.toMillis() }]);
    expect(await listEnrolmentsOfLead(t.ctx.db, leadId)).toHaveLength(1);

    t.ctx.clock.set(returnDay.plus({ hours: 10 }).toMillis());
    await work();
    expect(await enrolmentOf(leadId)).toMatchObject({ status: expect.stringMatching(/^(active|finished)$/) });
    expect(mailTo(email)).toHaveLength(2);
  });
});
