import type { SequenceMessage } from "../../domain/sequences/sequence-output.js";
import { leadTimeZone } from "../../domain/sequences/lead-time-zone.js";
import { nextWindowOpening } from "../../domain/sequences/send-window.js";
import { BUSINESS_HOURS_WINDOW } from "../../domain/sequences/sequence.js";
import { findLeadById } from "../../store/leads.js";
import { findMailbox, type Mailbox } from "../../store/mailboxes.js";
import { lockEnrolment } from "../../store/sequence-enrolments.js";
import { findMessageSendState, listSequenceMessagesOfLead, moveSequenceMessageWindow } from "../../store/sequence-messages.js";
import { findSequence } from "../../store/sequences.js";
import { findSuppressionOf } from "../../store/suppressions.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { unsubscribeUrlOf } from "../unsubscribe/unsubscribe-link.js";
import { settleSequenceSend } from "./settle-sequence-send.js";

/** What to do with a queued sequence email at the moment of sending. */
export type SendPlan =
  /** Nothing to send: already settled, or settled as suppressed just now. */
  | { kind: "settled" }
  /** Its send window closed, or its sequence is paused: wait until then (not an attempt). */
  | { kind: "deferred"; until: number; reason: string }
  /** Send it: the message, the owner's mailbox, the thread it follows (References) and its unsubscribe link. */
  | { kind: "send"; message: SequenceMessage; mailbox: Mailbox; references: string[]; unsubscribeUrl: string };

/** How long an email of a sequence paused by hand (no end date) waits before it looks again. */
const PAUSED_RECHECK_MS = 3_600_000;

/** The longest thread a References header lists (a nurture sequence can run for years). */
const MAX_REFERENCES = 20;

/**
 * Checks a queued sequence email at the moment of sending, against what may have changed since
 * it was queued: the enrolment must not be stopped, the lead not opted out, the address and its
 * domain not on the suppression list (else it is settled suppressed); a paused enrolment holds it
 * until the pause ends (paused by hand: an hour, then it looks again); and its send window must
 * still be open (else it moves to the next opening and waits). Reads outside a transaction: a suppression
 * landing between this check and the server's answer, one SMTP round trip, is the only one that
 * can slip through. Two queries on the way to sending (message with enrolment and lead, then the
 * suppression list) plus the mailbox: this runs for every email.
 */
export async function prepareSequenceSend(ctx: ServiceContext, sequenceMessageId: string, publicUrl: string, now: number): Promise<SendPlan> {
  const { db } = ctx;
  const state = await findMessageSendState(db, sequenceMessageId);
  if (state?.message.status !== "queued") return { kind: "settled" };
  const { message, enrolmentStatus, enrolmentPausedUntil, isLeadOptedOut } = state;
  const suppression = await findSuppressionOf(db, message.toAddress);
  // A finished enrolment's last email still goes (stopping the lead's sequence settles it); a paused one waits.
  const isLive = enrolmentStatus === "active" || enrolmentStatus === "finished" || enrolmentStatus === "paused";
  const blockedBecause = !isLive
    ? `the sequence is ${enrolmentStatus ?? "gone"}`
    : isLeadOptedOut !== false
      ? "the lead opted out"
      : suppression
        ? `${suppression.value} is suppressed (${suppression.reason})`
        : null;
  if (blockedBecause !== null) {
    await settleSequenceSend(ctx, message, { status: "suppressed", reason: blockedBecause }, now);
    return { kind: "settled" };
  }
  if (enrolmentStatus === "paused") {
    const until = enrolmentPausedUntil !== null && enrolmentPausedUntil > now ? enrolmentPausedUntil : now + PAUSED_RECHECK_MS;
    return { kind: "deferred", until, reason: "the sequence is paused" };
  }
  if (now >= message.windowEndsAt) {
    const { opensAt, closesAt } = await nextOpeningOf(ctx, message, now);
    await moveSequenceMessageWindow(db, message.id, closesAt);
    if (opensAt > now) return { kind: "deferred", until: opensAt, reason: "the send window closed" };
  }
  const mailbox = await findMailbox(db, message.mailboxUserId);
  if (!mailbox) {
    await settleSequenceSend(ctx, message, { status: "failed", reason: "the owner's mailbox was removed", statusCode: null }, now);
    return { kind: "settled" };
  }
  const unsubscribeUrl = await unsubscribeUrlOf(ctx, db, publicUrl, { address: message.toAddress, leadId: message.leadId }, now);
  return { kind: "send", message, mailbox, references: message.inReplyTo ? await threadOf(ctx, message) : [], unsubscribeUrl };
}

/** The next opening of the step's window, read in the lead's zone (a step edited away since keeps to business hours). */
async function nextOpeningOf(ctx: ServiceContext, message: SequenceMessage, now: number) {
  const [enrolment, lead] = [await lockEnrolment(ctx.db, message.enrolmentId), (await findLeadById(ctx.db, message.leadId))!];
  const sequence = enrolment && (await findSequence(ctx.db, enrolment.sequenceId));
  const window = sequence?.steps[message.stepIndex]?.window ?? BUSINESS_HOURS_WINDOW;
  const owner = lead.ownerId ? await findUserById(ctx.db, lead.ownerId) : undefined;
  return nextWindowOpening(now, window, leadTimeZone(lead, owner?.timezone ?? null));
}

/** The Message-IDs this follow-up's thread holds so far, oldest first: its References. */
async function threadOf(ctx: ServiceContext, message: SequenceMessage): Promise<string[]> {
  const sent = await listSequenceMessagesOfLead(ctx.db, message.leadId, MAX_REFERENCES + 1);
  return sent.filter((m) => m.enrolmentId === message.enrolmentId && m.status === "sent" && m.id !== message.id).reverse().map((m) => m.messageId);
}
