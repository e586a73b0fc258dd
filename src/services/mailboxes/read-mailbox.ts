import type { Principal } from "../../domain/access/permission.js";
import type { Mailbox } from "../../store/mailboxes.js";
import type { ServiceContext } from "../context.js";
import { findManagedMailbox } from "./mailbox-access.js";
import { type ServerView, serverViewOf } from "./mailbox-input.js";

/** A mailbox as screens and the API see it: servers without passwords, and how the last IMAP poll went. */
export type MailboxView = {
  userId: string;
  fromName: string | null;
  fromAddress: string;
  smtp: ServerView;
  imap: ServerView | null;
  hourlyLimit: number;
  dailyLimit: number;
  imapCheckedAt: number | null;
  imapError: string | null;
  updatedAt: number;
};

/** The view of a stored mailbox, secrets left out. */
export function mailboxViewOf(mailbox: Mailbox): MailboxView {
  const { userId, fromName, fromAddress, hourlyLimit, dailyLimit, imapCheckedAt, imapError, updatedAt } = mailbox;
  return { userId, fromName, fromAddress, smtp: serverViewOf(mailbox.smtpUrl), imap: mailbox.imapUrl === null ? null : serverViewOf(mailbox.imapUrl), hourlyLimit, dailyLimit, imapCheckedAt, imapError, updatedAt };
}

/** A user's mailbox without secrets: their own, or anyone's with `sequences:manage`; `not_found` when none is set. */
export async function readMailbox(ctx: ServiceContext, principal: Principal, userId: string): Promise<MailboxView> {
  return mailboxViewOf(await findManagedMailbox(ctx.db, principal, userId));
}
