import { actorOf, type Principal } from "../../domain/access/permission.js";
import { appendEvents } from "../../store/events.js";
import { deleteMailbox } from "../../store/mailboxes.js";
import type { ServiceContext } from "../context.js";
import { findManagedMailbox } from "./mailbox-access.js";

/**
 * Removes a user's mailbox; `mailbox_saved` with `isRemoved`. Their leads' sequences pause
 * (no_mailbox) when their next email falls due, rather than now, so setting a new mailbox
 * soon after loses nothing.
 */
export async function removeMailbox(ctx: ServiceContext, principal: Principal, userId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await findManagedMailbox(trx, principal, userId);
    await deleteMailbox(trx, userId);
    await appendEvents(trx, [{ leadId: null, type: "mailbox_saved", actor: actorOf(principal), at: ctx.clock.now(), data: { userId, isRemoved: true } }]);
  });
}
