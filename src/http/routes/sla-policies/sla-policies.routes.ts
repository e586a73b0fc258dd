import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { changeSlaPolicy } from "../../../services/routing-config/change-sla-policy.js";
import { createSlaPolicy } from "../../../services/routing-config/create-sla-policy.js";
import { readSlaPolicies } from "../../../services/routing-config/read-routing-config.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentSlaPolicy } from "./present-sla-policy.js";
import { ChangeSlaPolicyBody, CreateSlaPolicyBody, SlaPolicyDto, SlaPolicyIdParams, SlaPolicyListResponse } from "./sla-policies.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["routing"];

/** Speed-to-lead SLA policies: `/api/v1/sla-policies` (managers and admins). */
export const slaPolicyRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get("/api/v1/sla-policies", { schema: { tags, summary: "List SLA policies", security: SECURITY, response: { 200: SlaPolicyListResponse } } }, async (request) => {
    principalOf(request, "routing:manage");
    return { items: (await readSlaPolicies(ctx)).map(presentSlaPolicy) };
  });

  app.post(
    "/api/v1/sla-policies",
    { schema: { tags, summary: "Add an SLA policy", security: SECURITY, body: CreateSlaPolicyBody, response: { 201: SlaPolicyDto } } },
    async (request, reply) => {
      const principal = principalOf(request, "routing:manage");
      return reply.status(201).send(presentSlaPolicy(await createSlaPolicy(ctx, request.body, actorOf(principal))));
    },
  );

  app.patch(
    "/api/v1/sla-policies/:id",
    {
      schema: {
        tags,
        summary: "Change an SLA policy",
        description: "Running clocks keep their deadlines. The default policy cannot be switched off; make another one the default instead.",
        security: SECURITY,
        params: SlaPolicyIdParams,
        body: ChangeSlaPolicyBody,
        response: { 200: SlaPolicyDto },
      },
    },
    async (request) => {
      const principal = principalOf(request, "routing:manage");
      return presentSlaPolicy(await changeSlaPolicy(ctx, request.params.id, request.body, actorOf(principal)));
    },
  );
};
