import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { amountOfCents, amountOrNull } from "../../../domain/pipeline/deal-amount.js";
import { moveLeadStage } from "../../../services/pipeline/move-lead-stage.js";
import { sendProposal } from "../../../services/pipeline/send-proposal.js";
import type { AppDeps } from "../../app-deps.js";
import { principalOf } from "../../auth/require-permission.js";
import { isoOf, msOrUndefined } from "../../instants.js";
import { LeadIdParams } from "../leads/leads.schemas.js";
import { presentLead } from "../leads/present-lead.js";
import { nextStepInputOf } from "../next-steps/present-next-step.js";
import { MoveStageBody, MoveStageResponse, ProposalBody, ProposalResponse } from "./lead-stage.schemas.js";

const SECURITY: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

/** Moving a lead through the pipeline, and the proposal it gets on the way. */
export const leadStageRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { ctx }) => {
  app.post(
    "/api/v1/leads/:id/stage",
    {
      schema: {
        tags: ["leads"],
        summary: "Move the lead to another stage",
        description:
          "Forward moves check the current stage's exit checklist (block: 400 `checkedItems`; warn: allowed with a warning) and, into an open stage, need a next step (the lead's or `nextStep`; else 400 `nextStep`). " +
          "Won needs `amount`; lost needs `reason` (and `note` when the reason asks). Moving back or reopening skips the checklist. A disqualified lead answers 409.",
        security: SECURITY,
        params: LeadIdParams,
        body: MoveStageBody,
        response: { 200: MoveStageResponse },
      },
    },
    async (request) => {
      const { nextStep, ...move } = request.body;
      const { lead, sla, warnings } = await moveLeadStage(ctx, principalOf(request, "leads:work"), request.params.id, { ...move, nextStep: nextStep && nextStepInputOf(nextStep, "nextStep") });
      return { lead: presentLead(lead, sla), warnings };
    },
  );

  app.post(
    "/api/v1/leads/:id/proposal",
    {
      schema: {
        tags: ["leads"],
        summary: "Record the proposal sent to the lead",
        description: "The amount becomes the deal value and is compared with the price its campaign anchored. Appends `proposal_sent`; 409 for a closed or disqualified lead.",
        security: SECURITY,
        params: LeadIdParams,
        body: ProposalBody,
        response: { 201: ProposalResponse },
      },
    },
    async (request, reply) => {
      const input = { amount: request.body.amount, sentAt: msOrUndefined(request.body.sentAt, "sentAt") };
      const { amountCents, sentAt, priceAnchorCents, deviationPercent, isExpectationMismatch } = await sendProposal(ctx, principalOf(request, "leads:work"), request.params.id, input);
      const priceAnchor = amountOrNull(priceAnchorCents);
      return reply.status(201).send({ proposal: { amount: amountOfCents(amountCents), sentAt: isoOf(sentAt), priceAnchor, deviationPercent, isExpectationMismatch } });
    },
  );
};
