import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { addSuppression } from "../../../services/suppressions/add-suppression.js";
import { listSuppressions } from "../../../services/suppressions/list-suppressions.js";
import { removeSuppression } from "../../../services/suppressions/remove-suppression.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentSuppression } from "./present-suppression.js";
import { AddSuppressionBody, SuppressionDto, SuppressionListQuery, SuppressionListResponse, SuppressionValueParams } from "./suppressions.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["sequences"];

/** The suppression list: addresses and domains no sequence email may go to. Admins and managers. */
export const suppressionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/suppressions",
    { schema: { tags, summary: "The suppression list, newest first", security: SECURITY, querystring: SuppressionListQuery, response: { 200: SuppressionListResponse } } },
    async (request) => {
      const { search, limit = 100, offset = 0 } = request.query;
      const items = await listSuppressions(ctx, principalOf(request, "sequences:manage"), { search: search?.trim() || null, limit, offset });
      return { items: items.map(presentSuppression) };
    },
  );

  app.post(
    "/api/v1/suppressions",
    {
      schema: {
        tags,
        summary: "Block an address or a whole domain",
        description: "Every send checks the list at the moment of sending. 409 when the value is listed already.",
        security: SECURITY,
        body: AddSuppressionBody,
        response: { 201: SuppressionDto },
      },
    },
    async (request, reply) => {
      const { value, kind, note = null } = request.body;
      const suppression = await addSuppression(ctx, principalOf(request, "sequences:manage"), { value, kind, note });
      return reply.status(201).send(presentSuppression(suppression));
    },
  );

  app.delete(
    "/api/v1/suppressions/:value",
    {
      schema: {
        tags,
        summary: "Take an address or domain off the list",
        description: "Opt-outs are permanent: removing an `opted_out` entry is a 409.",
        security: SECURITY,
        params: SuppressionValueParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeSuppression(ctx, principalOf(request, "sequences:manage"), request.params.value);
      return reply.status(204).send(null);
    },
  );
};
