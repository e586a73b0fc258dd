import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { bookMeeting } from "../../../services/meetings/book-meeting.js";
import { checkReadiness } from "../../../services/meetings/check-readiness.js";
import { listLeadMeetings } from "../../../services/meetings/list-lead-meetings.js";
import { recordMeetingOutcome } from "../../../services/meetings/record-meeting-outcome.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { BookMeetingBody, MeetingDto, MeetingIdParams, MeetingListResponse, MeetingOutcomeBody, ReadinessBody } from "./meetings.schemas.js";
import { meetingBookingOf, presentMeeting } from "./present-meeting.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** Meetings with a lead: book, list, record how they went, and the readiness check after them. */
export const meetingRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.post(
    "/api/v1/leads/:id/meetings",
    { schema: { tags: ["meetings"], summary: "Book a meeting with the lead", security: SECURITY, params: LeadIdParams, body: BookMeetingBody, response: { 201: MeetingDto } } },
    async (request, reply) => {
      const view = await bookMeeting(ctx, principalOf(request, "leads:work"), request.params.id, meetingBookingOf(request.body));
      return reply.status(201).send(presentMeeting(view));
    },
  );

  app.get(
    "/api/v1/leads/:id/meetings",
    { schema: { tags: ["meetings"], summary: "The lead's meetings, oldest first", security: SECURITY, params: LeadIdParams, response: { 200: MeetingListResponse } } },
    async (request) => ({ items: (await listLeadMeetings(ctx, principalOf(request, "leads:read"), request.params.id)).map(presentMeeting) }),
  );

  app.post(
    "/api/v1/meetings/:id/outcome",
    {
      schema: {
        tags: ["meetings"],
        summary: "Record how a booked meeting went: held, no_show or canceled",
        description: "409 when the meeting already has an outcome. Held also logs a meeting touch on the lead.",
        security: SECURITY,
        params: MeetingIdParams,
        body: MeetingOutcomeBody,
        response: { 200: MeetingDto },
      },
    },
    async (request) => presentMeeting(await recordMeetingOutcome(ctx, principalOf(request, "leads:work"), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/meetings/:id/readiness",
    {
      schema: {
        tags: ["meetings"],
        summary: "Answer the readiness check after a held meeting",
        description: "Did the buyer arrive understanding the problem, the approach, and ready to evaluate? Each no counts as belief debt. 409 unless the meeting was held.",
        security: SECURITY,
        params: MeetingIdParams,
        body: ReadinessBody,
        response: { 200: MeetingDto },
      },
    },
    async (request) => presentMeeting(await checkReadiness(ctx, principalOf(request, "leads:work"), request.params.id, request.body)),
  );
};
