import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { completeNextStep } from "../../../services/next-steps/complete-next-step.js";
import { setNextStep } from "../../../services/next-steps/set-next-step.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { NextStepBody, NextStepDoneBody, NextStepDoneResponse, NextStepResponse } from "./next-steps.schemas.js";
import { nextStepInputOf, presentNextStep } from "./present-next-step.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];
const tags = ["leads"];

/** A lead's next step: set or reschedule it, and mark it done. */
export const nextStepRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.put(
    "/api/v1/leads/:id/next-step",
    {
      schema: {
        tags,
        summary: "Set or reschedule the lead's next step",
        description: "The owner is reminded at `dueAt` and the step turns overdue after the workspace's grace minutes. 409 when the lead is closed or disqualified.",
        security: SECURITY,
        params: LeadIdParams,
        body: NextStepBody,
        response: { 200: NextStepResponse },
      },
    },
    async (request) => {
      const nextStep = await setNextStep(ctx, principalOf(request, "leads:work"), request.params.id, nextStepInputOf(request.body));
      return { nextStep: presentNextStep(nextStep) };
    },
  );

  app.post(
    "/api/v1/leads/:id/next-step/done",
    {
      schema: {
        tags,
        summary: "Mark the lead's next step done, optionally setting the one that follows",
        description: "Cancels its reminder. 409 when the lead has no next step, or is closed or disqualified.",
        security: SECURITY,
        params: LeadIdParams,
        body: NextStepDoneBody,
        response: { 200: NextStepDoneResponse },
      },
    },
    async (request) => {
      const { outcome, next } = request.body;
      const done = { outcome, next: next && nextStepInputOf(next, "next") };
      const nextStep = await completeNextStep(ctx, principalOf(request, "leads:work"), request.params.id, done);
      return { nextStep: nextStep && presentNextStep(nextStep) };
    },
  );
};
