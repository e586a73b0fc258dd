import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { readLeadPipeline } from "../../../services/pipeline-view/read-lead-pipeline.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { LeadPipelineDto } from "./pipeline-view.schemas.js";
import { presentLeadPipeline } from "./present-lead-pipeline.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** A lead's place in the pipeline, for the lead page. */
export const pipelineViewRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/leads/:id/pipeline",
    {
      schema: {
        tags: ["leads"],
        summary: "The lead's stage (as documented), days in it, next step, proposal, outcome and any reply waiting",
        security: SECURITY,
        params: LeadIdParams,
        response: { 200: LeadPipelineDto },
      },
    },
    async (request) => presentLeadPipeline(await readLeadPipeline(ctx, principalOf(request, "leads:read"), request.params.id)),
  );
};
