import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { previewScoring } from "../../../services/scoring/preview-scoring.js";
import { readLeadScore } from "../../../services/scoring/read-lead-score.js";
import { readScoringConfig, saveScoringConfig } from "../../../services/scoring/scoring-config.js";
import type { AppDeps } from "../../app-deps.js";
import { actorOf } from "../../../domain/access/permission.js";
import { principalOf } from "../../auth/require-permission.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { presentHistoryPoint, presentLeadScore, presentPlaybook } from "./present-score.js";
import { LeadScoreResponse, ScoringConfigBody, ScoringConfigDto, ScoringPreviewBody, ScoringPreviewResponse } from "./scoring.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["scoring"];

/** Scoring rules (everyone reads them; admins and managers change them), their live preview, and a lead's score. */
export const scoringRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/scoring/config",
    { schema: { tags, summary: "The fit and intent rules, bucket and intent-level thresholds, and the model's share", security: SECURITY, response: { 200: ScoringConfigDto } } },
    async (request) => {
      principalOf(request, "leads:read");
      return readScoringConfig(ctx);
    },
  );

  app.put(
    "/api/v1/scoring/config",
    {
      schema: {
        tags,
        summary: "Replace the scoring rules",
        description: "400 names the field (`fitRules.2.condition.field`, `buckets.warm`…). Every open lead is then rescored in the background.",
        security: SECURITY,
        body: ScoringConfigBody,
        response: { 200: ScoringConfigDto },
      },
    },
    async (request) => {
      return saveScoringConfig(ctx, request.body, actorOf(principalOf(request, "scoring:manage")));
    },
  );

  app.post(
    "/api/v1/scoring/preview",
    {
      schema: {
        tags,
        summary: "Score sample leads by draft rules, beside their current score",
        description: "Nothing is saved. Without leadIds: the 10 most recent open leads.",
        security: SECURITY,
        body: ScoringPreviewBody,
        response: { 200: ScoringPreviewResponse },
      },
    },
    async (request) => {
      principalOf(request, "scoring:manage");
      const items = await previewScoring(ctx, { config: request.body.config, leadIds: request.body.leadIds });
      return { items: items.map((item) => ({ ...item, current: item.current && presentLeadScore(item.current) })) };
    },
  );

  app.get(
    "/api/v1/leads/:id/score",
    { schema: { tags, summary: "The lead's score explained, the playbook running on it and why, and the score's history", security: SECURITY, params: LeadIdParams, response: { 200: LeadScoreResponse } } },
    async (request) => {
      const view = await readLeadScore(ctx, principalOf(request, "leads:read"), request.params.id);
      return {
        current: view.current && presentLeadScore(view.current),
        playbook: view.playbook && presentPlaybook(view.playbook),
        history: view.history.map(presentHistoryPoint),
      };
    },
  );
};
