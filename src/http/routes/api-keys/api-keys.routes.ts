import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { createApiKey } from "../../../services/api-keys/create-api-key.js";
import { listWorkspaceApiKeys } from "../../../services/api-keys/list-api-keys.js";
import { revokeApiKey } from "../../../services/api-keys/revoke-api-key.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { isoOf } from "../../instants.js";
import { ApiKeyIdParams, ApiKeyListResponse, CreateApiKeyBody, CreatedApiKeyResponse } from "./api-keys.schemas.js";
import { presentApiKey } from "./present-api-key.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** API keys for integrations: `/api/v1/api-keys` (admins only). */
export const apiKeyRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/api-keys",
    { schema: { tags: ["api-keys"], summary: "List API keys (revoked ones included)", security: SECURITY, response: { 200: ApiKeyListResponse } } },
    async (request) => {
      principalOf(request, "api_keys:manage");
      return { items: (await listWorkspaceApiKeys(ctx)).map(presentApiKey) };
    },
  );

  app.post(
    "/api/v1/api-keys",
    {
      schema: {
        tags: ["api-keys"],
        summary: "Create an API key",
        description: "The answer holds the key; it is stored hashed and cannot be shown again.",
        security: SECURITY,
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKeyResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "api_keys:manage");
      const { apiKey, key } = await createApiKey(ctx, request.body, actorOf(principal));
      const { id, name, prefix, scopes, createdAt } = apiKey;
      return reply.status(201).send({ id, name, prefix, scopes, key, createdAt: isoOf(createdAt) });
    },
  );

  app.delete(
    "/api/v1/api-keys/:id",
    {
      schema: {
        tags: ["api-keys"],
        summary: "Revoke an API key",
        description: "Requests with the key get 401 from now on. Revoking twice is not an error.",
        security: SECURITY,
        params: ApiKeyIdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "api_keys:manage");
      await revokeApiKey(ctx, request.params.id, actorOf(principal));
      return reply.status(204).send(null);
    },
  );
};
