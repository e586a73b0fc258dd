import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { changeWebhook } from "../../../services/webhooks/change-webhook.js";
import { createWebhook } from "../../../services/webhooks/create-webhook.js";
import { deleteWebhook } from "../../../services/webhooks/delete-webhook.js";
import { listWebhookDeliveries, listWebhooks } from "../../../services/webhooks/read-webhooks.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentDeliveryAttempt, presentWebhook } from "./present-webhook.js";
import {
  ChangeWebhookBody,
  CreatedWebhookResponse,
  CreateWebhookBody,
  DeliveriesQuery,
  DeliveriesResponse,
  WebhookDto,
  WebhookIdParams,
  WebhookListResponse,
} from "./webhooks.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["webhooks"];

/** Outbound webhook subscriptions and their delivery log: `/api/v1/webhooks` (admins only). */
export const webhookRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get("/api/v1/webhooks", { schema: { tags, summary: "List webhook subscriptions", security: SECURITY, response: { 200: WebhookListResponse } } }, async (request) => {
    principalOf(request, "webhooks:manage");
    return { items: (await listWebhooks(ctx)).map(presentWebhook) };
  });

  app.post(
    "/api/v1/webhooks",
    {
      schema: {
        tags,
        summary: "Subscribe an endpoint to lead events",
        description: "Deliveries are signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`). The answer holds the secret, shown this once.",
        security: SECURITY,
        body: CreateWebhookBody,
        response: { 201: CreatedWebhookResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "webhooks:manage");
      const subscription = await createWebhook(ctx, request.body, actorOf(principal));
      return reply.status(201).send({ ...presentWebhook(subscription), secret: subscription.secret });
    },
  );

  app.patch(
    "/api/v1/webhooks/:id",
    { schema: { tags, summary: "Change a subscription's URL, event types or active flag", security: SECURITY, params: WebhookIdParams, body: ChangeWebhookBody, response: { 200: WebhookDto } } },
    async (request) => {
      const principal = principalOf(request, "webhooks:manage");
      return presentWebhook(await changeWebhook(ctx, request.params.id, request.body, actorOf(principal)));
    },
  );

  app.delete(
    "/api/v1/webhooks/:id",
    { schema: { tags, summary: "Delete a subscription with its queued messages and delivery log", security: SECURITY, params: WebhookIdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const principal = principalOf(request, "webhooks:manage");
      await deleteWebhook(ctx, request.params.id, actorOf(principal));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/v1/webhooks/:id/deliveries",
    { schema: { tags, summary: "A subscription's delivery log, one row per attempt, newest first", security: SECURITY, params: WebhookIdParams, querystring: DeliveriesQuery, response: { 200: DeliveriesResponse } } },
    async (request) => {
      principalOf(request, "webhooks:manage");
      const attempts = await listWebhookDeliveries(ctx, request.params.id, request.query.limit ?? 100);
      return { items: attempts.map(presentDeliveryAttempt) };
    },
  );
};
