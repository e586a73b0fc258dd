import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { actorOf } from "../../../domain/access/permission.js";
import { addOutOfOffice } from "../../../services/routing-config/add-out-of-office.js";
import { readAvailability } from "../../../services/routing-config/read-availability.js";
import { removeOutOfOffice } from "../../../services/routing-config/remove-out-of-office.js";
import { setAvailability } from "../../../services/routing-config/set-availability.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { msOf } from "../../instants.js";
import { AddOutOfOfficeBody, AvailabilityDto, OutOfOfficeDto, OutOfOfficeParams, PersonIdParams, SetAvailabilityBody } from "./availability.schemas.js";
import { presentAvailability, presentOutOfOffice } from "./present-availability.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["users"];

/** People's availability for routing: working hours, capacity, weight, backup, manager and out-of-office periods. */
export const availabilityRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/users/:id/availability",
    { schema: { tags, summary: "A person's availability for routing (their own, or anyone's for managers)", security: SECURITY, params: PersonIdParams, response: { 200: AvailabilityDto } } },
    async (request) => presentAvailability(await readAvailability(ctx, principalOf(request, "leads:read"), request.params.id)),
  );

  app.put(
    "/api/v1/users/:id/availability",
    { schema: { tags, summary: "Set a person's working hours, capacity, weight, backup and manager", security: SECURITY, params: PersonIdParams, body: SetAvailabilityBody, response: { 200: AvailabilityDto } } },
    async (request) => {
      const principal = principalOf(request, "routing:manage");
      await setAvailability(ctx, request.params.id, request.body, actorOf(principal));
      return presentAvailability(await readAvailability(ctx, principal, request.params.id));
    },
  );

  app.post(
    "/api/v1/users/:id/out-of-office",
    { schema: { tags, summary: "Add an out-of-office period (your own, or anyone's for managers)", security: SECURITY, params: PersonIdParams, body: AddOutOfOfficeBody, response: { 201: OutOfOfficeDto } } },
    async (request, reply) => {
      const principal = principalOf(request, "leads:work");
      const { startsAt, endsAt, note = null } = request.body;
      const period = await addOutOfOffice(ctx, principal, request.params.id, { startsAt: msOf(startsAt, "startsAt"), endsAt: msOf(endsAt, "endsAt"), note });
      return reply.status(201).send(presentOutOfOffice(period));
    },
  );

  app.delete(
    "/api/v1/users/:id/out-of-office/:periodId",
    { schema: { tags, summary: "Remove an out-of-office period", security: SECURITY, params: OutOfOfficeParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await removeOutOfOffice(ctx, principalOf(request, "leads:work"), request.params.id, request.params.periodId);
      return reply.status(204).send(null);
    },
  );
};
