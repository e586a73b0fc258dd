import type { Actor, NewLeadEvent } from "../../domain/lead/lead-event.js";
import { type CampaignPromise, type CampaignPromiseInput, campaignPromiseOf } from "../../domain/pipeline/campaign-promise.js";
import { upsertCampaignPromise } from "../../store/campaign-promises.js";
import { appendEvents } from "../../store/events.js";
import type { ServiceContext } from "../context.js";

/** The workspace event for a promise set (or cleared, with nothing promised). */
export function campaignPromiseSaved(promise: Omit<CampaignPromise, "updatedAt">, actor: Actor, at: number, isCleared: boolean): NewLeadEvent {
  const { campaign, priceAnchorCents, timelineDays, notes } = promise;
  return { leadId: null, type: "campaign_promise_saved", actor, at, data: { campaign, priceAnchorCents, timelineDays, notes, isCleared } };
}

/**
 * Records what a campaign promised (price anchor, timeline, notes), replacing what it had, and
 * appends `campaign_promise_saved`. Proposals sent from then on are compared with it; earlier
 * ones keep the verdict they got.
 */
export async function recordCampaignPromise(ctx: ServiceContext, campaign: string, input: CampaignPromiseInput, actor: Actor): Promise<CampaignPromise> {
  const promise = campaignPromiseOf(campaign, input, ctx.clock.now());
  await ctx.db.transaction().execute(async (trx) => {
    await upsertCampaignPromise(trx, promise);
    await appendEvents(trx, [campaignPromiseSaved(promise, actor, promise.updatedAt, false)]);
  });
  return promise;
}
