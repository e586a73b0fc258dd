import type { CampaignPromise } from "../../../domain/pipeline/campaign-promise.js";
import { amountOrNull } from "../../../domain/pipeline/deal-amount.js";
import { isoOf } from "../../instants.js";
import type { CampaignPromiseDtoType } from "./campaign-promises.schemas.js";

/** The API shape of a campaign's promise: the anchor in major currency units, the time in ISO 8601. */
export function presentCampaignPromise(promise: CampaignPromise): CampaignPromiseDtoType {
  const { priceAnchorCents, updatedAt, ...rest } = promise;
  return { ...rest, priceAnchor: amountOrNull(priceAnchorCents), updatedAt: isoOf(updatedAt) };
}
