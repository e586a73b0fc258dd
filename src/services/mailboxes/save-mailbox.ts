import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import { appendEvents } from "../../store/events.js";
import { findMailbox, type Mailbox, saveMailbox as writeMailbox } from "../../store/mailboxes.js";
import { findUserById } from "../../store/users.js";
import type { ServiceContext } from "../context.js";
import { checkActsForOwner } from "../sequences/sequence-access.js";
import { checkMailboxInput, type MailboxInput, serverViewOf, withSavedPassword } from "./mailbox-input.js";
import { type MailboxView, mailboxViewOf } from "./read-mailbox.js";

/**
 * Sets or changes a user's mailbox: their own, or anyone's with `sequences:manage`.
 * `mailbox_saved` carries the servers and limits, never a password. A changed IMAP server or
 * user starts polling afresh; the same one keeps its place.
 */
export async function saveMailbox(ctx: ServiceContext, principal: Principal, userId: string, input: MailboxInput): Promise<MailboxView> {
  checkActsForOwner(principal, userId, "userId");
  const checked = checkMailboxInput(input);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findUserById(trx, userId))) throw new DomainError("not_found", { field: "userId", message: `userId: no user ${userId}` });
    const saved = await findMailbox(trx, userId);
    const now = ctx.clock.now();
    const smtpUrl = withSavedPassword(checked.smtpUrl, saved?.smtpUrl ?? null);
    const imapUrl = checked.imapUrl && withSavedPassword(checked.imapUrl, saved?.imapUrl ?? null);
    const isSameImap = imapUrl !== null && saved?.imapUrl != null && sameAccount(imapUrl, saved.imapUrl);
    const mailbox: Mailbox = {
      ...checked,
      userId,
      smtpUrl,
      imapUrl,
      imapUidValidity: isSameImap ? saved.imapUidValidity : null,
      imapLastUid: isSameImap ? saved.imapLastUid : null,
      imapCheckedAt: isSameImap ? saved.imapCheckedAt : null,
      imapError: isSameImap ? saved.imapError : null,
      createdAt: saved?.createdAt ?? now,
      updatedAt: now,
    };
    await writeMailbox(trx, mailbox);
    const view = mailboxViewOf(mailbox);
    const data = { userId, isNew: saved === undefined, fromAddress: view.fromAddress, smtp: view.smtp, imap: view.imap, hourlyLimit: view.hourlyLimit, dailyLimit: view.dailyLimit };
    await appendEvents(trx, [{ leadId: null, type: "mailbox_saved", actor: actorOf(principal), at: now, data }]);
    return view;
  });
}

function sameAccount(a: string, b: string): boolean {
  const [first, second] = [serverViewOf(a), serverViewOf(b)];
  return first.host === second.host && first.port === second.port && first.user === second.user;
}
