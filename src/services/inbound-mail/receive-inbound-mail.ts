import { classifyInboundMail } from "../../domain/inbound-mail/classify-inbound-mail.js";
import { findInboundMessageByDedupeKey, type InboundMessage, insertInboundMessage } from "../../store/inbound-messages.js";
import { isUniqueViolation } from "../../store/unique-violation.js";
import type { ServiceContext } from "../context.js";
import { applyInboundMail, type InboundVia } from "./apply-inbound-mail.js";
import { matchInboundMail } from "./match-inbound-mail.js";
import { type ParsedInboundMail, parseInboundMail } from "./parse-inbound-mail.js";

export type InboundDelivery = {
  /** The email as received (RFC 5322 / MIME). */
  raw: Buffer;
  via: InboundVia;
  /** The mailbox it was fetched from (IMAP); null for the inbound endpoint. */
  mailboxUserId: string | null;
};

/** What became of an email: its record, its kind (`unmatched` when it concerns no known lead), and whether it had been received before. */
export type InboundReceipt = { id: string; kind: InboundMessage["kind"]; leadId: string | null; isDuplicate: boolean };

const receiptOf = (message: InboundMessage, isDuplicate: boolean): InboundReceipt => ({ id: message.id, kind: message.kind, leadId: message.leadId, isDuplicate });

/** Classifies, matches and applies the email, and records it, in one transaction. */
async function receiveOnce(ctx: ServiceContext, parsed: ParsedInboundMail, delivery: InboundDelivery): Promise<InboundReceipt> {
  return ctx.db.transaction().execute(async (trx) => {
    const known = await findInboundMessageByDedupeKey(trx, parsed.dedupeKey);
    if (known) return receiptOf(known, true);
    const now = ctx.clock.now();
    const id = ctx.ids("inbound");
    const classification = classifyInboundMail(parsed.mail);
    const match = await matchInboundMail(trx, parsed, classification);
    const applied = match && (await applyInboundMail({ trx, ctx, parsed, match, via: delivery.via, inboundId: id, now }, classification));
    const message: InboundMessage = {
      id,
      dedupeKey: parsed.dedupeKey,
      messageId: parsed.messageId,
      via: delivery.via,
      mailboxUserId: delivery.mailboxUserId,
      fromAddress: parsed.mail.fromAddress?.toLowerCase() ?? null,
      subject: parsed.mail.subject || null,
      kind: match ? classification.kind : "unmatched",
      leadId: match?.lead.id ?? null,
      enrolmentId: applied?.enrolmentId ?? null,
      receivedAt: now,
    };
    await insertInboundMessage(trx, message);
    return receiptOf(message, false);
  });
}

/**
 * Receives one email from a mailbox (IMAP) or a provider's forward (webhook): a reply stops the
 * lead's sequence and waits for the owner, an out-of-office pauses it, another automatic reply
 * is only recorded, a bounce suppresses the address; mail about no known lead is recorded as
 * `unmatched` and changes nothing else. Idempotent by Message-ID (or the raw bytes' hash): a
 * repeated poll or delivery returns the first receipt with `isDuplicate`. Two deliveries racing
 * meet at the dedupe key's unique index; the loser's transaction rolls back and it reads the winner's.
 */
export async function receiveInboundMail(ctx: ServiceContext, delivery: InboundDelivery): Promise<InboundReceipt> {
  const parsed = await parseInboundMail(delivery.raw);
  try {
    return await receiveOnce(ctx, parsed, delivery);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findInboundMessageByDedupeKey(ctx.db, parsed.dedupeKey);
    if (!winner) throw error;
    return receiptOf(winner, true);
  }
}
