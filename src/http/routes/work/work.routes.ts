import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { listDeadWork } from "../../../services/work/list-dead-work.js";
import { retryDeadWork } from "../../../services/work/retry-dead-work.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { isoOf } from "../../instants.js";
import { DeadWorkQuery, DeadWorkResponse, RetryParams, RetryResponse } from "./work.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["work"];

/** Dead timers and outbox messages, and sending them back: `/api/v1/work/dead` (admins only). */
export const workRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/work/dead",
    { schema: { tags, summary: "Timers and messages that used up their attempts, most recently dead first", security: SECURITY, querystring: DeadWorkQuery, response: { 200: DeadWorkResponse } } },
    async (request) => {
      principalOf(request, "work:manage");
      const items = await listDeadWork(ctx, request.query.limit ?? 100);
      return { items: items.map((item) => ({ ...item, diedAt: isoOf(item.diedAt), createdAt: isoOf(item.createdAt) })) };
    },
  );

  app.post(
    "/api/v1/work/dead/:kind/:id/retry",
    { schema: { tags, summary: "Send dead work back to the worker with fresh attempts, due now", security: SECURITY, params: RetryParams, response: { 200: RetryResponse } } },
    async (request) => {
      const principal = principalOf(request, "work:manage");
      const retried = await retryDeadWork(ctx, request.params.kind, request.params.id, actorOf(principal));
      return { ...retried, dueAt: isoOf(retried.dueAt) };
    },
  );
};
