import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { answerQualification } from "../../../services/qualification/answer-qualification.js";
import { disqualifyLead } from "../../../services/qualification/disqualify-lead.js";
import { readQualification } from "../../../services/qualification/read-qualification.js";
import { requalifyLead } from "../../../services/qualification/requalify-lead.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { presentQualification } from "./present-qualification.js";
import { DisqualifyBody, QualificationBody, QualificationDto } from "./qualification.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** A lead's qualification: answer the criteria, disqualify with a reason, requalify. */
export const qualificationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.get(
    "/api/v1/leads/:id/qualification",
    {
      schema: { tags: ["leads"], summary: "The lead's qualification: status, one answer per criterion, cost of inaction, disqualification", security: SECURITY, params: LeadIdParams, response: { 200: QualificationDto } },
    },
    async (request) => presentQualification(await readQualification(ctx, principalOf(request, "leads:read"), request.params.id)),
  );

  app.put(
    "/api/v1/leads/:id/qualification",
    {
      schema: {
        tags: ["leads"],
        summary: "Answer qualification criteria and record the cost of inaction",
        description: "Answers are kept with who gave them and when. All criteria yes → qualified. A disqualified lead answers 409: requalify it first.",
        security: SECURITY,
        params: LeadIdParams,
        body: QualificationBody,
        response: { 200: QualificationDto },
      },
    },
    async (request) => presentQualification(await answerQualification(ctx, principalOf(request, "leads:work"), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/leads/:id/disqualify",
    {
      schema: {
        tags: ["leads"],
        summary: "Disqualify the lead with a reason from the configured list",
        description: "Closes the lead and clears its next step. 409 when it is already disqualified, won or lost.",
        security: SECURITY,
        params: LeadIdParams,
        body: DisqualifyBody,
        response: { 200: QualificationDto },
      },
    },
    async (request) => presentQualification(await disqualifyLead(ctx, principalOf(request, "leads:work"), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/leads/:id/requalify",
    {
      schema: { tags: ["leads"], summary: "Reopen a disqualified lead; its status comes back from the answers", security: SECURITY, params: LeadIdParams, response: { 200: QualificationDto } },
    },
    async (request) => presentQualification(await requalifyLead(ctx, principalOf(request, "leads:work"), request.params.id)),
  );
};
