import type { CampaignPromise } from "../../domain/pipeline/campaign-promise.js";
import { listCampaignPromises } from "../../store/campaign-promises.js";
import type { ServiceContext } from "../context.js";

/** What every campaign promised, by campaign. */
export async function readCampaignPromises(ctx: ServiceContext): Promise<CampaignPromise[]> {
  return listCampaignPromises(ctx.db);
}
