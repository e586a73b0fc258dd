import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { changeForm, createForm } from "../../../services/forms/save-form.js";
import { listForms } from "../../../store/forms.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { ChangeFormBody, CreateFormBody, FormDto, FormIdParams, FormListResponse } from "./forms.schemas.js";
import { presentForm } from "./present-form.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** Managing capture forms: `/api/v1/forms`. */
export const formRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx, config }) => {
  app.get(
    "/api/v1/forms",
    { schema: { tags: ["forms"], summary: "List capture forms", security: SECURITY, response: { 200: FormListResponse } } },
    async (request) => {
      principalOf(request, "forms:manage");
      return { items: (await listForms(ctx.db)).map((form) => presentForm(form, config.publicUrl)) };
    },
  );

  app.post(
    "/api/v1/forms",
    { schema: { tags: ["forms"], summary: "Create a capture form", security: SECURITY, body: CreateFormBody, response: { 201: FormDto } } },
    async (request, reply) => {
      const principal = principalOf(request, "forms:manage");
      const { name, source = null, campaign = null, thankYouUrl = null } = request.body;
      const form = await createForm(ctx, { name, source, campaign, thankYouUrl, isActive: true }, actorOf(principal));
      return reply.status(201).send(presentForm(form, config.publicUrl));
    },
  );

  app.patch(
    "/api/v1/forms/:id",
    {
      schema: { tags: ["forms"], summary: "Change a capture form", security: SECURITY, params: FormIdParams, body: ChangeFormBody, response: { 200: FormDto } },
    },
    async (request) => {
      const principal = principalOf(request, "forms:manage");
      const form = await changeForm(ctx, request.params.id, request.body, actorOf(principal));
      return presentForm(form, config.publicUrl);
    },
  );
};
