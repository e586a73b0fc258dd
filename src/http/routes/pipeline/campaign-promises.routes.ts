import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { clearCampaignPromise } from "../../../services/pipeline/clear-campaign-promise.js";
import { readCampaignPromises } from "../../../services/pipeline/read-campaign-promises.js";
import { recordCampaignPromise } from "../../../services/pipeline/record-campaign-promise.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { CampaignParams, CampaignPromiseBody, CampaignPromiseDto, CampaignPromiseListResponse } from "./campaign-promises.schemas.js";
import { presentCampaignPromise } from "./present-campaign-promise.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["pipeline"];

/** What campaigns promised (price anchor, timeline), so proposals far from it are flagged. */
export const campaignPromiseRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/campaign-promises",
    { schema: { tags, summary: "What every campaign promised", security: SECURITY, response: { 200: CampaignPromiseListResponse } } },
    async (request) => {
      principalOf(request, "leads:read");
      return { items: (await readCampaignPromises(ctx)).map(presentCampaignPromise) };
    },
  );

  app.put(
    "/api/v1/campaign-promises/:campaign",
    {
      schema: {
        tags,
        summary: "Record (or replace) what a campaign promised",
        description: "Proposals sent from then on are compared with it. Appends `campaign_promise_saved`.",
        security: SECURITY,
        params: CampaignParams,
        body: CampaignPromiseBody,
        response: { 200: CampaignPromiseDto },
      },
    },
    async (request) => {
      const principal = principalOf(request, "pipeline:manage");
      return presentCampaignPromise(await recordCampaignPromise(ctx, request.params.campaign, request.body, actorOf(principal)));
    },
  );

  app.delete(
    "/api/v1/campaign-promises/:campaign",
    { schema: { tags, summary: "Forget what a campaign promised", security: SECURITY, params: CampaignParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const principal = principalOf(request, "pipeline:manage");
      await clearCampaignPromise(ctx, request.params.campaign, actorOf(principal));
      return reply.status(204).send(null);
    },
  );
};
