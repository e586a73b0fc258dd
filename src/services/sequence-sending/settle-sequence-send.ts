import type { SequenceMessage } from "../../domain/sequences/sequence-output.js";
import { enhancedStatusOf, isUnknownRecipientRefusal } from "../../domain/sequences/smtp-refusal.js";
import type { NewLeadEvent } from "../../domain/lead/lead-event.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { recordEnrolmentMessageSent } from "../../store/sequence-enrolments.js";
import { settleSequenceMessage } from "../../store/sequence-messages.js";
import type { ServiceContext } from "../context.js";
import { recordBounceInTransaction } from "../suppressions/record-bounce.js";

/** How sending a queued sequence email ended. */
export type SendOutcome =
  | { status: "sent" }
  /** Not sent: what was checked at the moment of sending forbade it. */
  | { status: "suppressed"; reason: string }
  /** Not sent: the mail server refused it for good (`statusCode` 5xx), or it could not be sent at all. */
  | { status: "failed"; reason: string; statusCode: number | null };

/** What every event about a sequence email says of it. */
export function aboutMessage(message: SequenceMessage) {
  return { enrolmentId: message.enrolmentId, sequenceMessageId: message.id, messageId: message.messageId, stepIndex: message.stepIndex, cycle: message.cycle, to: message.toAddress };
}

/**
 * Records the outcome inside the caller's transaction, once (only a queued message settles): the message's
 * status, and `message_sent` with an automated `touch` out by email and the thread's latest
 * Message-ID on the enrolment; `message_suppressed`; or `message_failed`, and when the server
 * said the recipient does not exist, a hard bounce (the address is suppressed, the sequence stops).
 */
export async function settleSequenceSendInTransaction(trx: Executor, ctx: ServiceContext, message: SequenceMessage, outcome: SendOutcome, now: number): Promise<void> {
  const detail = outcome.status === "sent" ? null : outcome.reason;
  if (!(await settleSequenceMessage(trx, message.id, { status: outcome.status, detail, at: now }))) return;
  const about = aboutMessage(message);
  const events: NewLeadEvent[] = [];
  if (outcome.status === "sent") {
    await recordEnrolmentMessageSent(trx, message.enrolmentId, message.messageId);
    events.push({ leadId: message.leadId, type: "message_sent", actor: "system", at: now, data: { ...about, subject: message.subject, mailboxUserId: message.mailboxUserId } });
    const touch = { channel: "email", direction: "out", outcome: null, durationSeconds: null, notes: message.subject, isAutomated: true };
    events.push({ leadId: message.leadId, type: "touch", actor: "system", at: now, data: touch });
  } else if (outcome.status === "suppressed") {
    events.push({ leadId: message.leadId, type: "message_suppressed", actor: "system", at: now, data: { ...about, reason: outcome.reason } });
  } else {
    events.push({ leadId: message.leadId, type: "message_failed", actor: "system", at: now, data: { ...about, statusCode: outcome.statusCode, reason: outcome.reason } });
  }
  await appendEvents(trx, events);
  if (outcome.status === "failed" && isUnknownRecipientRefusal(outcome.statusCode, outcome.reason)) {
    const status = enhancedStatusOf(outcome.statusCode!, outcome.reason);
    await recordBounceInTransaction(trx, ctx, { address: message.toAddress, status, diagnostic: outcome.reason, actor: "system", now });
  }
}

/** `settleSequenceSendInTransaction` in a transaction of its own. */
export async function settleSequenceSend(ctx: ServiceContext, message: SequenceMessage, outcome: SendOutcome, now: number): Promise<void> {
  await ctx.db.transaction().execute((trx) => settleSequenceSendInTransaction(trx, ctx, message, outcome, now));
}
