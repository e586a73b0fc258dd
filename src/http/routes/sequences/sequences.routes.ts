import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { TEMPLATE_VARIABLES } from "../../../domain/sequences/template.js";
import { archiveSequence } from "../../../services/sequences/archive-sequence.js";
import { createSequence } from "../../../services/sequences/create-sequence.js";
import { previewSequenceStep } from "../../../services/sequences/preview-sequence-step.js";
import { getSequence, listSequences } from "../../../services/sequences/get-sequence.js";
import { updateSequence } from "../../../services/sequences/update-sequence.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentSequence, previewRefusal, sequenceInputOf, sequenceStepOf } from "./present-sequence.js";
import {
  PreviewStepBody,
  PreviewStepResponse,
  SequenceBody,
  SequenceDto,
  SequenceIdParams,
  SequenceListQuery,
  SequenceListResponse,
  TemplateVariableListResponse,
} from "./sequences.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["sequences"];

/** Follow-up and nurture sequences: everyone reads them (to enrol leads); admins and managers build them. */
export const sequenceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/sequences",
    { schema: { tags, summary: "Every sequence, by name", security: SECURITY, querystring: SequenceListQuery, response: { 200: SequenceListResponse } } },
    async (request) => {
      principalOf(request, "leads:read");
      return { items: (await listSequences(ctx, { isArchivedIncluded: request.query.includeArchived ?? false })).map(presentSequence) };
    },
  );

  app.get(
    "/api/v1/sequences/variables",
    { schema: { tags, summary: "The variables subject and body templates may use", security: SECURITY, response: { 200: TemplateVariableListResponse } } },
    async (request) => {
      principalOf(request, "leads:read");
      return { items: TEMPLATE_VARIABLES.map(({ name, description }) => ({ name, description })) };
    },
  );

  app.post(
    "/api/v1/sequences/preview",
    {
      schema: {
        tags,
        summary: "Render a step, saved or not, for a real lead",
        description: "400 naming `step.subject` or `step.body` when the template does not render for this lead (a variable empty on it without a `default` filter, or an unknown one).",
        security: SECURITY,
        body: PreviewStepBody,
        response: { 200: PreviewStepResponse },
      },
    },
    async (request) => {
      const preview = await previewSequenceStep(ctx, principalOf(request, "leads:read"), { leadId: request.body.leadId, step: sequenceStepOf(request.body.step) });
      if (!preview.isRendered) throw previewRefusal(preview.problem);
      return { subject: preview.subject, text: preview.text };
    },
  );

  app.post(
    "/api/v1/sequences",
    {
      schema: {
        tags,
        summary: "Create a sequence",
        description: "Every template is checked: a syntax error or an unknown variable is refused naming the step's field (`steps.2.body`). 409 when the name is taken.",
        security: SECURITY,
        body: SequenceBody,
        response: { 201: SequenceDto },
      },
    },
    async (request, reply) => {
      const sequence = await createSequence(ctx, principalOf(request, "sequences:manage"), sequenceInputOf(request.body));
      return reply.status(201).send(presentSequence(sequence));
    },
  );

  app.get(
    "/api/v1/sequences/:id",
    { schema: { tags, summary: "One sequence", security: SECURITY, params: SequenceIdParams, response: { 200: SequenceDto } } },
    async (request) => {
      principalOf(request, "leads:read");
      return presentSequence(await getSequence(ctx, request.params.id));
    },
  );

  app.put(
    "/api/v1/sequences/:id",
    {
      schema: {
        tags,
        summary: "Replace a sequence's name, steps and nurture settings",
        description: "Leads in it carry on at their step number with the new steps. Checked as on create.",
        security: SECURITY,
        params: SequenceIdParams,
        body: SequenceBody,
        response: { 200: SequenceDto },
      },
    },
    async (request) => presentSequence(await updateSequence(ctx, principalOf(request, "sequences:manage"), request.params.id, sequenceInputOf(request.body))),
  );

  app.post(
    "/api/v1/sequences/:id/archive",
    {
      schema: {
        tags,
        summary: "Archive a sequence",
        description: "It takes no new leads, and the leads in it stop (`sequence_archived`).",
        security: SECURITY,
        params: SequenceIdParams,
        response: { 200: SequenceDto },
      },
    },
    async (request) => presentSequence(await archiveSequence(ctx, principalOf(request, "sequences:manage"), request.params.id)),
  );
};
