import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { Lead } from "../../domain/lead/lead.js";
import { centsOfAmount } from "../../domain/pipeline/deal-amount.js";
import type { NextStepInput } from "../../domain/pipeline/next-step.js";
import { type ChecklistWarning, type PlannedEvent, planStageMove } from "../../domain/pipeline/stage-move.js";
import type { WebhookEventType } from "../../domain/notifications/webhook-event-type.js";
import { appendEvents } from "../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadSla, type LeadSla } from "../../store/lead-sla.js";
import { updateLead } from "../../store/leads.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";
import { clearNextStepInTransaction, setNextStepInTransaction } from "../next-steps/next-step-writes.js";
import { enqueueLeadEvents } from "../notifications/enqueue-lead-event.js";
import { leadSummary } from "../notifications/lead-summary.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";

/** A stage move as a person asks for it (amount in major currency units). */
export type LeadStageMove = {
  stage: string;
  checkedItems?: readonly string[] | undefined;
  /** The next step to set with the move (needed forward into an open stage when the lead has none). */
  nextStep?: NextStepInput | undefined;
  /** Won amount. */
  amount?: number | undefined;
  /** Lost reason key. */
  reason?: string | undefined;
  note?: string | undefined;
};

export type MovedLead = { lead: Lead; sla: LeadSla | undefined; warnings: ChecklistWarning[] };

/**
 * Moves a lead to another stage by the documented process (see `planStageMove`), in one
 * transaction: the lead row's stage, its pipeline state (entered now; closed, value and lost
 * reason for won and lost), `stage_changed` plus `won` / `lost`; a closing move clears the
 * next step and cancels its reminder; a next step given with the move is set with its event
 * and reminder; a move to won or lost stops the lead's follow-up sequence. Webhook subscribers hear `lead.stage_changed`, `lead.won` and `lead.lost`.
 */
export async function moveLeadStage(ctx: ServiceContext, principal: Principal, leadId: string, move: LeadStageMove): Promise<MovedLead> {
  const amountCents = move.amount === undefined ? null : centsOfAmount(move.amount, "amount");
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await findWorkableLead(trx, principal, leadId, { isLocking: true });
    const { pipeline } = await readSettings(trx);
    const now = ctx.clock.now();
    const request = { stage: move.stage, checkedItems: move.checkedItems ?? [], isNextStepGiven: move.nextStep !== undefined, amountCents, reason: move.reason ?? null, note: move.note ?? null };
    const plan = planStageMove(pipeline, lead, await findLeadPipeline(trx, lead), request, now);
    const moved: Lead = { ...lead, stage: plan.to.key, updatedAt: now };
    await updateLead(trx, moved);
    const state = plan.isClosing ? await clearNextStepInTransaction(trx, lead.id, plan.state) : plan.state;
    // A next step given with the move is saved with the rest of the state by `setNextStepInTransaction`.
    if (!move.nextStep) await saveLeadPipeline(trx, state, now);
    const actor = actorOf(principal);
    await appendEvents(trx, plan.events.map((event) => ({ leadId: lead.id, actor, at: now, ...event })));
    await enqueueLeadEvents(trx, plan.events.flatMap((event) => webhookNoticeOf(moved, event)), now);
    const outcome = plan.events.find((event): event is PlannedEvent & { type: "won" | "lost" } => event.type === "won" || event.type === "lost");
    if (outcome) await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: lead.id, reason: outcome.type, actor, now });
    if (move.nextStep) await setNextStepInTransaction(trx, ctx, { principal, lead: moved, state, input: move.nextStep, now, field: "nextStep" });
    return { lead: moved, sla: await findLeadSla(trx, lead.id), warnings: plan.warnings };
  });
}

/** Pipeline events subscribers may ask for; `reopened` travels as the `lead.stage_changed` it comes with. */
const WEBHOOK_TYPE_OF: Partial<Record<PlannedEvent["type"], WebhookEventType>> = { stage_changed: "lead.stage_changed", won: "lead.won", lost: "lead.lost" };

function webhookNoticeOf(lead: Lead, event: PlannedEvent) {
  const type = WEBHOOK_TYPE_OF[event.type];
  return type ? [{ type, leadId: lead.id, data: { ...leadSummary(lead), ...event.data } }] : [];
}
