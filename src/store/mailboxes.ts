import type { Selectable } from "kysely";
import type { Executor } from "./engine.js";
import type { MailboxTable } from "./schema.js";

/** A user's mailbox as stored, secrets included: only services and the worker read this. */
export type Mailbox = {
  userId: string;
  fromName: string | null;
  fromAddress: string;
  smtpUrl: string;
  imapUrl: string | null;
  hourlyLimit: number;
  dailyLimit: number;
  imapUidValidity: number | null;
  imapLastUid: number | null;
  imapCheckedAt: number | null;
  imapError: string | null;
  createdAt: number;
  updatedAt: number;
};

function mailboxRowToMailbox(row: Selectable<MailboxTable>): Mailbox {
  return {
    userId: row.user_id,
    fromName: row.from_name,
    fromAddress: row.from_address,
    smtpUrl: row.smtp_url,
    imapUrl: row.imap_url,
    hourlyLimit: row.hourly_limit,
    dailyLimit: row.daily_limit,
    imapUidValidity: row.imap_uid_validity,
    imapLastUid: row.imap_last_uid,
    imapCheckedAt: row.imap_checked_at,
    imapError: row.imap_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function mailboxToRow(mailbox: Mailbox): Selectable<MailboxTable> {
  return {
    user_id: mailbox.userId,
    from_name: mailbox.fromName,
    from_address: mailbox.fromAddress,
    smtp_url: mailbox.smtpUrl,
    imap_url: mailbox.imapUrl,
    hourly_limit: mailbox.hourlyLimit,
    daily_limit: mailbox.dailyLimit,
    imap_uid_validity: mailbox.imapUidValidity,
    imap_last_uid: mailbox.imapLastUid,
    imap_checked_at: mailbox.imapCheckedAt,
    imap_error: mailbox.imapError,
    created_at: mailbox.createdAt,
    updated_at: mailbox.updatedAt,
  };
}

/** Creates or replaces a user's mailbox. */
export async function saveMailbox(db: Executor, mailbox: Mailbox): Promise<void> {
  const row = mailboxToRow(mailbox);
  const { user_id: _userId, created_at: _createdAt, ...changes } = row;
  await db.insertInto("mailboxes").values(row).onConflict((oc) => oc.column("user_id").doUpdateSet(changes)).execute();
}

export async function findMailbox(db: Executor, userId: string): Promise<Mailbox | undefined> {
  const row = await db.selectFrom("mailboxes").selectAll().where("user_id", "=", userId).executeTakeFirst();
  return row && mailboxRowToMailbox(row);
}

/** Mailboxes with IMAP set, for the poller. */
export async function listImapMailboxes(db: Executor): Promise<Mailbox[]> {
  const rows = await db.selectFrom("mailboxes").selectAll().where("imap_url", "is not", null).orderBy("user_id").execute();
  return rows.map(mailboxRowToMailbox);
}

/** Records how the last IMAP poll went: the UID position it reached, or why it failed. */
export async function recordImapPoll(db: Executor, userId: string, poll: { uidValidity: number | null; lastUid: number | null; checkedAt: number | null; error: string | null }): Promise<void> {
  await db
    .updateTable("mailboxes")
    .set({ imap_uid_validity: poll.uidValidity, imap_last_uid: poll.lastUid, imap_checked_at: poll.checkedAt, imap_error: poll.error })
    .where("user_id", "=", userId)
    .execute();
}

export async function deleteMailbox(db: Executor, userId: string): Promise<boolean> {
  const result = await db.deleteFrom("mailboxes").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
