import type { CampaignPromise } from "../domain/pipeline/campaign-promise.js";
import type { Executor } from "./engine.js";
import type { CampaignPromiseTable } from "./schema.js";

function rowToCampaignPromise(row: CampaignPromiseTable): CampaignPromise {
  return { campaign: row.campaign, priceAnchorCents: row.price_anchor_cents, timelineDays: row.timeline_days, notes: row.notes, updatedAt: row.updated_at };
}

/** Every campaign's promise, by campaign. */
export async function listCampaignPromises(db: Executor): Promise<CampaignPromise[]> {
  const rows = await db.selectFrom("campaign_promises").selectAll().orderBy("campaign").execute();
  return rows.map(rowToCampaignPromise);
}

/** What this campaign promised, if anything was recorded. */
export async function findCampaignPromise(db: Executor, campaign: string): Promise<CampaignPromise | undefined> {
  const row = await db.selectFrom("campaign_promises").selectAll().where("campaign", "=", campaign).executeTakeFirst();
  return row && rowToCampaignPromise(row);
}

/** Records a campaign's promise, replacing the one it had. */
export async function upsertCampaignPromise(db: Executor, promise: CampaignPromise): Promise<void> {
  const changes = { price_anchor_cents: promise.priceAnchorCents, timeline_days: promise.timelineDays, notes: promise.notes, updated_at: promise.updatedAt };
  await db
    .insertInto("campaign_promises")
    .values({ campaign: promise.campaign, ...changes })
    .onConflict((oc) => oc.column("campaign").doUpdateSet(changes))
    .execute();
}

/** Forgets a campaign's promise; false when it had none. */
export async function deleteCampaignPromise(db: Executor, campaign: string): Promise<boolean> {
  const result = await db.deleteFrom("campaign_promises").where("campaign", "=", campaign).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
