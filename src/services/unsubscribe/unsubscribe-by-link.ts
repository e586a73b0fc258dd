import { invalidField } from "../../domain/errors.js";
import { findLeadById } from "../../store/leads.js";
import type { ServiceContext } from "../context.js";
import { optOutInTransaction } from "../suppressions/opt-out.js";
import { readUnsubscribeToken, type UnsubscribeClaim } from "./unsubscribe-link.js";

/** Who the link's token speaks for; throws `invalid` (field `token`) when this workspace did not sign it. */
export async function readUnsubscribeLink(ctx: ServiceContext, token: string): Promise<UnsubscribeClaim> {
  const claim = await readUnsubscribeToken(ctx, ctx.db, token, ctx.clock.now());
  if (!claim) throw invalidField("token", "this unsubscribe link is not valid; use the link from the latest email");
  return claim;
}

/**
 * Opts the link's address out for good, by the mail client's one-click request (RFC 8058) or by
 * the page's button: suppressed, every lead at it marked opted out and its sequence stopped.
 * Asking again changes nothing. The actor is the address itself: nobody logged in did this.
 */
export async function unsubscribeByLink(ctx: ServiceContext, token: string, via: "one_click" | "page"): Promise<UnsubscribeClaim> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const claim = await readUnsubscribeToken(ctx, trx, token, now);
    if (!claim) throw invalidField("token", "this unsubscribe link is not valid; use the link from the latest email");
    // The lead may have been deleted since the email went out; the address is opted out all the same.
    const leadId = (await findLeadById(trx, claim.leadId)) ? claim.leadId : null;
    await optOutInTransaction(trx, ctx, { address: claim.address, leadId, via, actor: `unsubscribe:${claim.address}`, now });
    return claim;
  });
}
