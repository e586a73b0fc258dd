import type { CampaignPromiseDtoType } from "../../../src/http/routes/pipeline/campaign-promises.schemas.js";
import { apiRequest } from "./client.js";

/** What a campaign promised buyers, so proposals far from it are flagged; typed from the route's schema (`updatedAt` ISO 8601). */
export type CampaignPromise = CampaignPromiseDtoType;

export type CampaignPromiseChange = Partial<Pick<CampaignPromise, "priceAnchor" | "timelineDays" | "notes">>;

const PROMISES = "/api/v1/campaign-promises";
const promisePath = (campaign: string) => `${PROMISES}/${encodeURIComponent(campaign)}`;

/** Every campaign's recorded promise. */
export async function listCampaignPromises(signal?: AbortSignal): Promise<CampaignPromise[]> {
  const page = await apiRequest<{ items: CampaignPromise[] }>(PROMISES, { signal });
  return page.items;
}

/** Records (or replaces) what a campaign promised. */
export async function saveCampaignPromise(campaign: string, change: CampaignPromiseChange): Promise<CampaignPromise> {
  return apiRequest<CampaignPromise>(promisePath(campaign), { method: "PUT", body: change });
}

/** Forgets a campaign's promise. */
export async function removeCampaignPromise(campaign: string): Promise<void> {
  await apiRequest<void>(promisePath(campaign), { method: "DELETE" });
}
