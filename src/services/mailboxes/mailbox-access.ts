import type { Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { Executor } from "../../store/engine.js";
import { findMailbox, type Mailbox } from "../../store/mailboxes.js";
import { checkActsForOwner } from "../sequences/sequence-access.js";

/** The mailbox of `userId`, which the principal may manage (their own, or anyone's with `sequences:manage`); `not_found` when none is set. */
export async function findManagedMailbox(db: Executor, principal: Principal, userId: string): Promise<Mailbox> {
  checkActsForOwner(principal, userId, "userId");
  const mailbox = await findMailbox(db, userId);
  if (!mailbox) throw new DomainError("not_found", { field: "userId", message: `userId: ${userId} has no mailbox` });
  return mailbox;
}
