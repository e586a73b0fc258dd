import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { changeRoutingRule } from "../../../services/routing-config/change-routing-rule.js";
import { createRoutingRule } from "../../../services/routing-config/create-routing-rule.js";
import { deleteRoutingRule } from "../../../services/routing-config/delete-routing-rule.js";
import { readRoutingRules } from "../../../services/routing-config/read-routing-config.js";
import { reorderRoutingRules } from "../../../services/routing-config/reorder-routing-rules.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentRoutingRule } from "./present-routing-rule.js";
import { ChangeRoutingRuleBody, CreateRoutingRuleBody, ReorderRoutingRulesBody, RoutingRuleDto, RoutingRuleIdParams, RoutingRuleListResponse } from "./routing-rules.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["routing"];

/** Ordered routing rules: `/api/v1/routing/rules` (managers and admins). */
export const routingRuleRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/routing/rules",
    { schema: { tags, summary: "List routing rules in the order they are tried", security: SECURITY, response: { 200: RoutingRuleListResponse } } },
    async (request) => {
      principalOf(request, "routing:manage");
      return { items: (await readRoutingRules(ctx)).map(presentRoutingRule) };
    },
  );

  app.post(
    "/api/v1/routing/rules",
    { schema: { tags, summary: "Add a routing rule", security: SECURITY, body: CreateRoutingRuleBody, response: { 201: RoutingRuleDto } } },
    async (request, reply) => {
      const principal = principalOf(request, "routing:manage");
      const { slaPolicyId = null, sequenceId = null, isActive = true, ...rule } = request.body;
      return reply.status(201).send(presentRoutingRule(await createRoutingRule(ctx, { ...rule, slaPolicyId, sequenceId, isActive }, actorOf(principal))));
    },
  );

  app.patch(
    "/api/v1/routing/rules/:id",
    { schema: { tags, summary: "Change or move a routing rule", security: SECURITY, params: RoutingRuleIdParams, body: ChangeRoutingRuleBody, response: { 200: RoutingRuleDto } } },
    async (request) => {
      const principal = principalOf(request, "routing:manage");
      return presentRoutingRule(await changeRoutingRule(ctx, request.params.id, request.body, actorOf(principal)));
    },
  );

  app.delete(
    "/api/v1/routing/rules/:id",
    { schema: { tags, summary: "Delete a routing rule and its round-robin state", security: SECURITY, params: RoutingRuleIdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const principal = principalOf(request, "routing:manage");
      await deleteRoutingRule(ctx, request.params.id, actorOf(principal));
      return reply.status(204).send(null);
    },
  );

  app.post(
    // `::` escapes the colon: the path is literally /api/v1/routing/rules:reorder.
    "/api/v1/routing/rules::reorder",
    { schema: { tags, summary: "Put every routing rule in a new order", security: SECURITY, body: ReorderRoutingRulesBody, response: { 200: RoutingRuleListResponse } } },
    async (request) => {
      const principal = principalOf(request, "routing:manage");
      return { items: (await reorderRoutingRules(ctx, request.body.ids, actorOf(principal))).map(presentRoutingRule) };
    },
  );
};
