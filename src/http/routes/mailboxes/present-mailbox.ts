import type { MailboxView } from "../../../services/mailboxes/read-mailbox.js";
import { isoOf, isoOrNull } from "../../instants.js";
import type { MailboxDtoType } from "./mailboxes.schemas.js";

/** A mailbox as the API shows it: servers without their passwords. */
export function presentMailbox(view: MailboxView): MailboxDtoType {
  const { userId, fromName, fromAddress, smtp, imap, hourlyLimit, dailyLimit, imapCheckedAt, imapError, updatedAt } = view;
  return { userId, fromName, fromAddress, smtp, imap, hourlyLimit, dailyLimit, imapCheckedAt: isoOrNull(imapCheckedAt), imapError, updatedAt: isoOf(updatedAt) };
}
