import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { draftHandoff, handOffLead } from "../../../services/handoffs/hand-off-lead.js";
import { readQueue } from "../../../services/read-queue.js";
import { logTouch } from "../../../services/touches/log-touch.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { LeadDto, LeadIdParams, LeadListResponse } from "../leads/leads.schemas.js";
import { presentLead } from "../leads/present-lead.js";
import { HandoffChecklistDto, HandOffBody, LogTouchBody, LogTouchResponse, QueueQuery } from "./lead-work.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** Working a lead: touches, handoffs, and each person's queue. */
export const leadWorkRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.post(
    "/api/v1/leads/:id/touches",
    {
      schema: {
        tags: ["leads"],
        summary: "Log a touch (call, email, SMS, LinkedIn, meeting)",
        description: "The first outbound call, email or SMS by a person stops the lead's speed-to-lead clock.",
        security: SECURITY,
        params: LeadIdParams,
        body: LogTouchBody,
        response: { 201: LogTouchResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "leads:work");
      const { channel, direction, outcome = null, durationSeconds = null, notes = null } = request.body;
      const result = await logTouch(ctx, principal, request.params.id, { channel, direction, outcome, durationSeconds, notes, isAutomated: false });
      return reply.status(201).send(result);
    },
  );

  app.get(
    "/api/v1/leads/:id/handoff-draft",
    { schema: { tags: ["leads"], summary: "The pre-filled checklist for handing this lead off", security: SECURITY, params: LeadIdParams, response: { 200: HandoffChecklistDto } } },
    async (request) => draftHandoff(ctx, principalOf(request, "leads:work"), request.params.id),
  );

  app.post(
    "/api/v1/leads/:id/handoffs",
    {
      schema: {
        tags: ["leads"],
        summary: "Hand the lead to another person, with its context",
        description: "Checklist items left out are pre-filled; items still empty mark the handoff incomplete.",
        security: SECURITY,
        params: LeadIdParams,
        body: HandOffBody,
        response: { 201: Type.Object({ lead: LeadDto }) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "leads:work");
      const { toUserId, reason = null, checklist = {} } = request.body;
      const { lead, sla } = await handOffLead(ctx, principal, request.params.id, { toUserId, reason, checklist });
      return reply.status(201).send({ lead: presentLead(lead, sla) });
    },
  );

  app.get(
    "/api/v1/queue",
    { schema: { tags: ["leads"], summary: "A person's open leads, most urgent first (SLA deadline)", security: SECURITY, querystring: QueueQuery, response: { 200: LeadListResponse } } },
    async (request) => {
      const { items, slas } = await readQueue(ctx, principalOf(request, "leads:read"), request.query.userId, request.query.limit ?? 50);
      return { items: items.map((lead) => presentLead(lead, slas.get(lead.id))), nextCursor: null };
    },
  );
};
