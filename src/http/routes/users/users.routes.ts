import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { changeUser } from "../../../services/users/change-user.js";
import { createUser } from "../../../services/users/create-user.js";
import { listTeam } from "../../../services/users/list-users.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { presentUser } from "./present-user.js";
import { ChangeUserBody, CreateUserBody, UserDto, UserIdParams, UserListResponse } from "./users.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** The team: `/api/v1/users`. Everyone may see it; only admins change it. */
export const userRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/users",
    { schema: { tags: ["users"], summary: "List people in the workspace", security: SECURITY, response: { 200: UserListResponse } } },
    async (request) => {
      principalOf(request, "users:read");
      return { items: (await listTeam(ctx)).map(presentUser) };
    },
  );

  app.post(
    "/api/v1/users",
    { schema: { tags: ["users"], summary: "Add a person", security: SECURITY, body: CreateUserBody, response: { 201: UserDto } } },
    async (request, reply) => {
      const principal = principalOf(request, "users:manage");
      const user = await createUser(ctx, request.body, actorOf(principal));
      return reply.status(201).send(presentUser(user));
    },
  );

  app.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a person's name, role, timezone, password or active flag",
        description: "Deactivating or setting a password ends the person's sessions. The last active admin cannot be demoted or deactivated.",
        security: SECURITY,
        params: UserIdParams,
        body: ChangeUserBody,
        response: { 200: UserDto },
      },
    },
    async (request) => {
      const principal = principalOf(request, "users:manage");
      return presentUser(await changeUser(ctx, request.params.id, request.body, actorOf(principal)));
    },
  );
};
