import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { previewRouting } from "../../../services/routing-config/preview-routing.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentRoutingPreview } from "./present-routing-preview.js";
import { RoutingPreviewBody, RoutingPreviewResponse } from "./routing-preview.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** "Test this lead": `/api/v1/routing/preview` shows which rule and owner a lead would get, writing nothing. */
export const routingPreviewRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.post(
    "/api/v1/routing/preview",
    {
      schema: {
        tags: ["routing"],
        summary: "Preview which rule, owner and SLA deadline a lead would get",
        description: "Validated like POST /api/v1/leads (errors name `lead.<field>`), routed on the current rules, availability and round-robin turn. Nothing is written: no lead, no event, no cursor move.",
        security: SECURITY,
        body: RoutingPreviewBody,
        response: { 200: RoutingPreviewResponse },
      },
    },
    async (request) => {
      principalOf(request, "routing:manage");
      return presentRoutingPreview(await previewRouting(ctx, request.body.lead));
    },
  );
};
