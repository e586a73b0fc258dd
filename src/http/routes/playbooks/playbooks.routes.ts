import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { createPlaybook } from "../../../services/playbooks/create-playbook.js";
import { deletePlaybook } from "../../../services/playbooks/delete-playbook.js";
import { getPlaybook, listPlaybooks } from "../../../services/playbooks/get-playbook.js";
import { updatePlaybook } from "../../../services/playbooks/update-playbook.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { playbookInputOf, presentPlaybook } from "./present-playbook.js";
import { PlaybookBody, PlaybookDto, PlaybookIdParams, PlaybookListResponse } from "./playbooks.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["playbooks"];
const CHECKS =
  "400 naming `slaPolicyId` or `sequenceId` when it names no SLA policy or no live sequence; 409 naming `name` when the name is taken, or `source` when another playbook already covers this intent level and source.";

/** Playbooks by intent level: everyone reads them (the lead page shows the one running); admins and managers write them. */
export const playbookRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get("/api/v1/playbooks", { schema: { tags, summary: "Every playbook", security: SECURITY, response: { 200: PlaybookListResponse } } }, async (request) => {
    principalOf(request, "leads:read");
    return { items: (await listPlaybooks(ctx)).map(presentPlaybook) };
  });

  app.post(
    "/api/v1/playbooks",
    { schema: { tags, summary: "Create a playbook", description: CHECKS, security: SECURITY, body: PlaybookBody, response: { 201: PlaybookDto } } },
    async (request, reply) => {
      const playbook = await createPlaybook(ctx, principalOf(request, "scoring:manage"), playbookInputOf(request.body));
      return reply.status(201).send(presentPlaybook(playbook));
    },
  );

  app.get(
    "/api/v1/playbooks/:id",
    { schema: { tags, summary: "One playbook", security: SECURITY, params: PlaybookIdParams, response: { 200: PlaybookDto } } },
    async (request) => {
      principalOf(request, "leads:read");
      return presentPlaybook(await getPlaybook(ctx, request.params.id));
    },
  );

  app.put(
    "/api/v1/playbooks/:id",
    {
      schema: {
        tags,
        summary: "Replace a playbook",
        description: `Leads it already runs on keep what it applied; the change applies where it is chosen from now on. ${CHECKS}`,
        security: SECURITY,
        params: PlaybookIdParams,
        body: PlaybookBody,
        response: { 200: PlaybookDto },
      },
    },
    async (request) => presentPlaybook(await updatePlaybook(ctx, principalOf(request, "scoring:manage"), request.params.id, playbookInputOf(request.body))),
  );

  app.delete(
    "/api/v1/playbooks/:id",
    {
      schema: {
        tags,
        summary: "Delete a playbook",
        description: "Leads it ran on keep their SLA clock and sequence.",
        security: SECURITY,
        params: PlaybookIdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deletePlaybook(ctx, principalOf(request, "scoring:manage"), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
