import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { logObjection } from "../../../services/objections/log-objection.js";
import { suggestResponses } from "../../../services/objections/suggest-responses.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { LogObjectionBody, ObjectionLogDto, SuggestionsQuery, SuggestionsResponse } from "./objections.schemas.js";
import { presentObjectionLog, presentProofAsset, presentSuggestion } from "./present-objection.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** Objections on a lead: log one with the response used, and ask what to answer. */
export const leadObjectionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.post(
    "/api/v1/leads/:id/objections",
    {
      schema: {
        tags: ["leads"],
        summary: "Log an objection the lead raised, with the response version used",
        description: "When the lead is later won or lost, the outcome counts toward that response version's win rate.",
        security: SECURITY,
        params: LeadIdParams,
        body: LogObjectionBody,
        response: { 201: ObjectionLogDto },
      },
    },
    async (request, reply) => {
      const log = await logObjection(ctx, principalOf(request, "leads:work"), request.params.id, request.body);
      return reply.status(201).send(presentObjectionLog(log));
    },
  );

  app.get(
    "/api/v1/leads/:id/objection-suggestions",
    {
      schema: {
        tags: ["leads"],
        summary: "Responses ranked by win rate (with sample size) and matching proof for an objection",
        security: SECURITY,
        params: LeadIdParams,
        querystring: SuggestionsQuery,
        response: { 200: SuggestionsResponse },
      },
    },
    async (request) => {
      const suggestions = await suggestResponses(ctx, principalOf(request, "leads:read"), request.params.id, request.query.objectionId);
      return { industry: suggestions.industry, responses: suggestions.responses.map(presentSuggestion), proofAssets: suggestions.proofAssets.map(presentProofAsset) };
    },
  );
};
