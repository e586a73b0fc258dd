import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { Principal } from "../../../domain/access/permission.js";
import { enrolLead } from "../../../services/sequences/enrol-lead.js";
import { pauseEnrolment, resumeEnrolment, stopEnrolment } from "../../../services/sequences/enrolment-actions.js";
import { readLeadSequence } from "../../../services/sequences/read-lead-sequence.js";
import type { ServiceContext } from "../../../services/context.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { EnrolBody, LeadSequenceResponse } from "./lead-sequence.schemas.js";
import { presentLeadSequence } from "./present-lead-sequence.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["sequences"];

type EnrolmentChange = (ctx: ServiceContext, principal: Principal, leadId: string) => Promise<unknown>;

/** The manual changes to a lead's live enrolment, by the last part of their path. */
const CHANGES: { action: string; summary: string; description: string; change: EnrolmentChange }[] = [
  { action: "pause", summary: "Pause the lead's sequence", description: "Nothing is sent until it resumes. 409 unless it is active.", change: pauseEnrolment },
  { action: "resume", summary: "Resume the lead's paused sequence", description: "The next step is planned from now. 409 unless it is paused.", change: resumeEnrolment },
  { action: "stop", summary: "Stop the lead's sequence", description: "For good (`manual`). 409 when the lead is in no sequence.", change: stopEnrolment },
];

/** A lead's follow-up: which sequence it is in, what went out, and enrolling, pausing, resuming and stopping it by hand. */
export const leadSequenceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/leads/:id/sequence",
    {
      schema: { tags, summary: "The lead's sequence now (next send time, step, pause or stop reason), its history, emails and tasks", security: SECURITY, params: LeadIdParams, response: { 200: LeadSequenceResponse } },
    },
    async (request) => presentLeadSequence(await readLeadSequence(ctx, principalOf(request, "leads:read"), request.params.id)),
  );

  app.post(
    "/api/v1/leads/:id/sequence",
    {
      schema: {
        tags,
        summary: "Enrol the lead in a sequence",
        description:
          "A lead is in at most one sequence: 409 when it is in one already, unless `isReplacing` (which stops that one, `re_enrolled`). 409 for a closed lead; 400 naming `email` for a lead that opted out, is suppressed or has no address when the first step is an email.",
        security: SECURITY,
        params: LeadIdParams,
        body: EnrolBody,
        response: { 201: LeadSequenceResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request, "leads:work");
      await enrolLead(ctx, principal, request.params.id, { sequenceId: request.body.sequenceId, isReplacing: request.body.isReplacing ?? false });
      return reply.status(201).send(presentLeadSequence(await readLeadSequence(ctx, principal, request.params.id)));
    },
  );

  for (const { action, summary, description, change } of CHANGES) {
    app.post(
      `/api/v1/leads/:id/sequence/${action}`,
      { schema: { tags, summary, description, security: SECURITY, params: LeadIdParams, response: { 200: LeadSequenceResponse } } },
      async (request) => {
        const principal = principalOf(request, "leads:work");
        await change(ctx, principal, request.params.id);
        return presentLeadSequence(await readLeadSequence(ctx, principal, request.params.id));
      },
    );
  }
};
