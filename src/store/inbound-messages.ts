import type { Selectable } from "kysely";
import type { Executor } from "./engine.js";
import type { InboundMessageTable } from "./schema.js";

/** An email received once (by IMAP or the inbound endpoint), what it was, and the lead it concerned. */
export type InboundMessage = {
  id: string;
  /** The Message-ID, or `sha256:<hex>` of the raw message when it has none. */
  dedupeKey: string;
  messageId: string | null;
  via: InboundMessageTable["via"];
  mailboxUserId: string | null;
  fromAddress: string | null;
  subject: string | null;
  kind: InboundMessageTable["kind"];
  leadId: string | null;
  enrolmentId: string | null;
  receivedAt: number;
};

function inboundRowToMessage(row: Selectable<InboundMessageTable>): InboundMessage {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    messageId: row.message_id,
    via: row.via,
    mailboxUserId: row.mailbox_user_id,
    fromAddress: row.from_address,
    subject: row.subject,
    kind: row.kind,
    leadId: row.lead_id,
    enrolmentId: row.enrolment_id,
    receivedAt: row.received_at,
  };
}

/** Records a received email. A second one with the same dedupe key is a unique violation. */
export async function insertInboundMessage(db: Executor, message: InboundMessage): Promise<void> {
  await db
    .insertInto("inbound_messages")
    .values({
      id: message.id,
      dedupe_key: message.dedupeKey,
      message_id: message.messageId,
      via: message.via,
      mailbox_user_id: message.mailboxUserId,
      from_address: message.fromAddress,
      subject: message.subject,
      kind: message.kind,
      lead_id: message.leadId,
      enrolment_id: message.enrolmentId,
      received_at: message.receivedAt,
    })
    .execute();
}

/** The email already received under this dedupe key, if any. */
export async function findInboundMessageByDedupeKey(db: Executor, dedupeKey: string): Promise<InboundMessage | undefined> {
  const row = await db.selectFrom("inbound_messages").selectAll().where("dedupe_key", "=", dedupeKey).executeTakeFirst();
  return row && inboundRowToMessage(row);
}
