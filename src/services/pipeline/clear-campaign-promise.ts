import { DomainError } from "../../domain/errors.js";
import type { Actor } from "../../domain/lead/lead-event.js";
import { deleteCampaignPromise } from "../../store/campaign-promises.js";
import { appendEvents } from "../../store/events.js";
import type { ServiceContext } from "../context.js";
import { campaignPromiseSaved } from "./record-campaign-promise.js";

/** Forgets what a campaign promised and appends `campaign_promise_saved` (cleared); `not_found` when it had no promise. */
export async function clearCampaignPromise(ctx: ServiceContext, rawCampaign: string, actor: Actor): Promise<void> {
  const campaign = rawCampaign.trim();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteCampaignPromise(trx, campaign))) throw new DomainError("not_found", { field: "campaign", message: `campaign: no promise recorded for "${campaign}"` });
    const now = ctx.clock.now();
    await appendEvents(trx, [campaignPromiseSaved({ campaign, priceAnchorCents: null, timelineDays: null, notes: null }, actor, now, true)]);
  });
}
