import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { readAttention } from "../../../services/attention/read-attention.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { AttentionQuery, AttentionResponse } from "./attention.schemas.js";
import { presentAttentionEntry } from "./present-attention.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** The needs-attention queue: a rep's own, or the team's for managers and admins. */
export const attentionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/attention",
    {
      schema: {
        tags: ["leads"],
        summary: "Open leads that need someone now, most urgent first",
        description:
          "Reasons: SLA breached, reply waiting, next step overdue, SLA at risk, no next step (past the first stage), stalled beyond the stage's limit. " +
          "Ordered by the most urgent reason, then value, then the oldest lead. A rep reads their own (403 for another ownerId); managers and admins the team's or one person's.",
        security: SECURITY,
        querystring: AttentionQuery,
        response: { 200: AttentionResponse },
      },
    },
    async (request) => {
      const entries = await readAttention(ctx, principalOf(request, "leads:read"), { ownerId: request.query.ownerId, limit: request.query.limit ?? 50 });
      return { items: entries.map(presentAttentionEntry) };
    },
  );
};
