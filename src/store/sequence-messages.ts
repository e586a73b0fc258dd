import type { Selectable } from "kysely";
import type { SequenceMessage } from "../domain/sequences/sequence-output.js";
import type { Executor } from "./engine.js";
import type { SequenceEnrolmentTable, SequenceMessageTable } from "./schema.js";

function messageRowToMessage(row: Selectable<SequenceMessageTable>): SequenceMessage {
  return {
    id: row.id,
    enrolmentId: row.enrolment_id,
    leadId: row.lead_id,
    cycle: row.cycle,
    stepIndex: row.step_index,
    mailboxUserId: row.mailbox_user_id,
    toAddress: row.to_address,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    subject: row.subject,
    bodyText: row.body_text,
    status: row.status,
    statusDetail: row.status_detail,
    windowEndsAt: row.window_ends_at,
    queuedAt: row.queued_at,
    sentAt: row.sent_at,
  };
}

function messageToRow(message: SequenceMessage): Selectable<SequenceMessageTable> {
  return {
    id: message.id,
    enrolment_id: message.enrolmentId,
    lead_id: message.leadId,
    cycle: message.cycle,
    step_index: message.stepIndex,
    mailbox_user_id: message.mailboxUserId,
    to_address: message.toAddress,
    message_id: message.messageId,
    in_reply_to: message.inReplyTo,
    subject: message.subject,
    body_text: message.bodyText,
    status: message.status,
    status_detail: message.statusDetail,
    window_ends_at: message.windowEndsAt,
    queued_at: message.queuedAt,
    sent_at: message.sentAt,
  };
}

/** Adds a queued message. A second one for the same enrolment, cycle and step is a unique violation. */
export async function insertSequenceMessage(db: Executor, message: SequenceMessage): Promise<void> {
  await db.insertInto("sequence_messages").values(messageToRow(message)).execute();
}

const INSERT_CHUNK_ROWS = 500;

/** Adds many messages at once (the demo workspace's sent history), a few hundred rows a statement. */
export async function insertSequenceMessages(db: Executor, messages: readonly SequenceMessage[]): Promise<void> {
  for (let start = 0; start < messages.length; start += INSERT_CHUNK_ROWS) {
    await db.insertInto("sequence_messages").values(messages.slice(start, start + INSERT_CHUNK_ROWS).map(messageToRow)).execute();
  }
}

/** Records the outcome of sending: sent (with the time), suppressed or failed (with why). Only a queued message changes. */
export async function settleSequenceMessage(db: Executor, id: string, outcome: { status: "sent" | "suppressed" | "failed"; detail: string | null; at: number }): Promise<boolean> {
  const result = await db
    .updateTable("sequence_messages")
    .set({ status: outcome.status, status_detail: outcome.detail, sent_at: outcome.status === "sent" ? outcome.at : null })
    .where("id", "=", id)
    .where("status", "=", "queued")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Settles every message of the lead still queued as suppressed (with why) and returns them: the lead's sequence ended before they went out. */
export async function suppressQueuedMessagesOfLead(db: Executor, leadId: string, detail: string): Promise<SequenceMessage[]> {
  const rows = await db
    .updateTable("sequence_messages")
    .set({ status: "suppressed", status_detail: detail, sent_at: null })
    .where("lead_id", "=", leadId)
    .where("status", "=", "queued")
    .returningAll()
    .execute();
  return rows.map(messageRowToMessage);
}

/** Moves a queued message to a later stretch of its send window (it missed the one it was queued for). */
export async function moveSequenceMessageWindow(db: Executor, id: string, windowEndsAt: number): Promise<void> {
  await db.updateTable("sequence_messages").set({ window_ends_at: windowEndsAt }).where("id", "=", id).where("status", "=", "queued").execute();
}

/** The sent message a reply refers to: the first of `messageIds` (In-Reply-To, then References newest first) we sent. */
export async function findSequenceMessageByMessageIds(db: Executor, messageIds: readonly string[]): Promise<SequenceMessage | undefined> {
  if (messageIds.length === 0) return undefined;
  const rows = await db.selectFrom("sequence_messages").selectAll().where("message_id", "in", [...messageIds]).execute();
  const byMessageId = new Map(rows.map((row) => [row.message_id, row]));
  const row = messageIds.map((id) => byMessageId.get(id)).find((candidate) => candidate !== undefined);
  return row && messageRowToMessage(row);
}

/**
 * Messages a mailbox queued or sent since `hourSince` and since `daySince` (suppressed and failed
 * ones do not count): its throttles, in one pass over the day's rows.
 */
export async function mailboxUsageSince(db: Executor, mailboxUserId: string, since: { hourSince: number; daySince: number }): Promise<{ lastHour: number; lastDay: number }> {
  const row = await db
    .selectFrom("sequence_messages")
    .select((eb) => [eb.fn.countAll<number | string>().as("day"), eb.fn.sum<number | string | null>(eb.case().when("queued_at", ">=", since.hourSince).then(1).else(0).end()).as("hour")])
    .where("mailbox_user_id", "=", mailboxUserId)
    .where("queued_at", ">=", since.daySince)
    .where("status", "in", ["queued", "sent"])
    .executeTakeFirstOrThrow();
  return { lastHour: Number(row.hour ?? 0), lastDay: Number(row.day) };
}

/** What sending a queued message must re-check, read at once: the message, its enrolment's status (and end of a pause) and whether its lead opted out. */
export type MessageSendState = { message: SequenceMessage; enrolmentStatus: SequenceEnrolmentTable["status"] | null; enrolmentPausedUntil: number | null; isLeadOptedOut: boolean | null };

/** A message with its enrolment's status and its lead's opt-out, in one query; undefined when there is no such message. */
export async function findMessageSendState(db: Executor, id: string): Promise<MessageSendState | undefined> {
  const row = await db
    .selectFrom("sequence_messages")
    .leftJoin("sequence_enrolments", "sequence_enrolments.id", "sequence_messages.enrolment_id")
    .leftJoin("leads", "leads.id", "sequence_messages.lead_id")
    .selectAll("sequence_messages")
    .select(["sequence_enrolments.status as enrolment_status", "sequence_enrolments.paused_until as enrolment_paused_until", "leads.is_opted_out as lead_is_opted_out"])
    .where("sequence_messages.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { enrolment_status, enrolment_paused_until, lead_is_opted_out, ...message } = row;
  const isLeadOptedOut = lead_is_opted_out === null ? null : lead_is_opted_out === 1;
  return { message: messageRowToMessage(message), enrolmentStatus: enrolment_status, enrolmentPausedUntil: enrolment_paused_until, isLeadOptedOut };
}

/** A lead's sequence emails, newest first. */
export async function listSequenceMessagesOfLead(db: Executor, leadId: string, limit: number): Promise<SequenceMessage[]> {
  const rows = await db.selectFrom("sequence_messages").selectAll().where("lead_id", "=", leadId).orderBy("queued_at", "desc").orderBy("id", "desc").limit(limit).execute();
  return rows.map(messageRowToMessage);
}
