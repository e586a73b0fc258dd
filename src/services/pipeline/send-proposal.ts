import { actorOf, type Principal } from "../../domain/access/permission.js";
import { invalidField } from "../../domain/errors.js";
import { type Expectation, expectationOf } from "../../domain/pipeline/campaign-promise.js";
import { centsOfAmount } from "../../domain/pipeline/deal-amount.js";
import { findCampaignPromise } from "../../store/campaign-promises.js";
import { appendEvents } from "../../store/events.js";
import { saveLeadPipeline } from "../../store/lead-pipeline.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { findOpenLeadPipeline } from "../next-steps/find-open-lead-pipeline.js";

/** How far ahead of the server's clock a sent time may be: a browser clock running a little fast. */
const SENT_AT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A proposal as a person records it: amount in major currency units; sent now unless `sentAt` says when. */
export type ProposalInput = { amount: number; sentAt?: number | undefined };

export type SentProposal = Expectation & { amountCents: number; sentAt: number };

/**
 * Records the proposal sent to an open lead: its amount becomes the deal value, and it is
 * compared with what the lead's campaign anchored (`expectationOf`, with the pipeline's
 * tolerance). Appends `proposal_sent`. A later proposal replaces the earlier one.
 */
export async function sendProposal(ctx: ServiceContext, principal: Principal, leadId: string, input: ProposalInput): Promise<SentProposal> {
  const amountCents = centsOfAmount(input.amount, "amount");
  return ctx.db.transaction().execute(async (trx) => {
    const { lead, state } = await findOpenLeadPipeline(trx, principal, leadId);
    const now = ctx.clock.now();
    const sentAt = input.sentAt ?? now;
    if (sentAt > now + SENT_AT_CLOCK_SKEW_MS) throw invalidField("sentAt", "must not be in the future");
    const { pipeline } = await readSettings(trx);
    const promise = lead.campaign === null ? undefined : await findCampaignPromise(trx, lead.campaign);
    const expectation = expectationOf(amountCents, promise, pipeline.expectationTolerancePercent);
    const proposal: SentProposal = { amountCents, sentAt, ...expectation };
    await saveLeadPipeline(trx, { ...state, proposalAmountCents: amountCents, proposalSentAt: sentAt, valueCents: amountCents, isExpectationMismatch: expectation.isExpectationMismatch }, now);
    await appendEvents(trx, [{ leadId: lead.id, type: "proposal_sent", actor: actorOf(principal), at: now, data: { ...proposal } }]);
    return proposal;
  });
}
