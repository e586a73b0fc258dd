import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { DomainError } from "../../../domain/errors.js";
import { addResponseVersion } from "../../../services/objections/add-response-version.js";
import { changeObjection } from "../../../services/objections/change-objection.js";
import { createObjection } from "../../../services/objections/create-objection.js";
import { readObjection, readObjectionCatalog } from "../../../services/objections/read-objection-catalog.js";
import type { ServiceContext } from "../../../services/context.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { AddResponseBody, CatalogIdParams, ChangeObjectionBody, CreateObjectionBody, ObjectionDto, ObjectionListResponse, ResponseVersionDto } from "./objections.schemas.js";
import { presentObjection, presentResponseVersion } from "./present-objection.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["objections"];

async function objectionOrNotFound(ctx: ServiceContext, id: string) {
  const objection = await readObjection(ctx, id);
  if (!objection) throw new DomainError("not_found", { field: "id", message: `id: no objection ${id}` });
  return presentObjection(objection);
}

/** The objection catalog: everyone reads it; admins and managers edit it. */
export const objectionRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/objections",
    { schema: { tags, summary: "Every objection with every version of its responses", security: SECURITY, response: { 200: ObjectionListResponse } } },
    async (request) => {
      principalOf(request, "leads:read");
      return { items: (await readObjectionCatalog(ctx)).map(presentObjection) };
    },
  );

  app.post(
    "/api/v1/objections",
    { schema: { tags, summary: "Add an objection to the catalog", security: SECURITY, body: CreateObjectionBody, response: { 201: ObjectionDto } } },
    async (request, reply) => {
      const principal = principalOf(request, "catalog:manage");
      const objection = await createObjection(ctx, request.body, actorOf(principal));
      return reply.status(201).send(presentObjection({ ...objection, responses: [] }));
    },
  );

  app.patch(
    "/api/v1/objections/:id",
    { schema: { tags, summary: "Rename, recategorise, retire or revive an objection", security: SECURITY, params: CatalogIdParams, body: ChangeObjectionBody, response: { 200: ObjectionDto } } },
    async (request) => {
      const principal = principalOf(request, "catalog:manage");
      await changeObjection(ctx, request.params.id, request.body, actorOf(principal));
      return objectionOrNotFound(ctx, request.params.id);
    },
  );

  app.post(
    "/api/v1/objections/:id/responses",
    {
      schema: {
        tags,
        summary: "Add a response, or a new wording (version) of one",
        description: "With `responseId`, the wording becomes that response's current version; older versions keep their win rates.",
        security: SECURITY,
        params: CatalogIdParams,
        body: AddResponseBody,
        response: { 201: ResponseVersionDto },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "catalog:manage");
      const version = await addResponseVersion(ctx, request.params.id, request.body, actorOf(principal));
      return reply.status(201).send(presentResponseVersion(version, true));
    },
  );
};
