import type { CampaignPromise } from "../../../domain/pipeline/campaign-promise.js";
import { amountOfCents } from "../../../domain/pipeline/deal-amount.js";
import type { CampaignPromiseDtoType } from "./campaign-promises.schemas.js";

/** The API shape of a campaign's promise: the anchor in major currency units. */
export function presentCampaignPromise(promise: CampaignPromise): CampaignPromiseDtoType {
  const { priceAnchorCents, ...rest } = promise;
  return { ...rest, priceAnchor: priceAnchorCents === null ? null : amountOfCents(priceAnchorCents) };
}
