import type { Lead } from "../../domain/lead/lead.js";
import type { NewLeadEvent } from "../../domain/lead/lead-event.js";
import { nextSlaStep, type SlaStep } from "../../domain/sla/sla-clock.js";
import type { EscalationAction } from "../../domain/sla/sla-policy.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { findLeadSla, type LeadSla, saveLeadSlas } from "../../store/lead-sla.js";
import { findLeadPipeline } from "../../store/lead-pipeline.js";
import { findLeadById } from "../../store/leads.js";
import { findSlaPolicy } from "../../store/sla-policies.js";
import { readSettings } from "../../store/settings.js";
import { scheduleTimer } from "../../store/timers.js";
import type { ServiceContext } from "../context.js";
import { enqueueLeadEvent } from "../notifications/enqueue-lead-event.js";
import { leadSummary } from "../notifications/lead-summary.js";
import { notifyPeople } from "../notifications/notify-people.js";
import { reassignForSla } from "../handoffs/reassign-for-sla.js";
import { SLA_STEP_TASK, slaTimerKey } from "../routing/assign-new-leads.js";
import { findEscalationRecipients } from "./escalation-recipients.js";

export type SlaStepPayload = { leadId: string; step: SlaStep };

/**
 * Runs one step of a lead's SLA chain inside the worker's transaction (which also completes
 * the timer, so each step happens once) and schedules the next. A clock stopped by a first
 * response ends the chain: the step does nothing. So does a closed lead (won, lost or
 * disqualified): nobody owes spam or a settled deal a first response.
 */
export async function runSlaStep(trx: Executor, ctx: ServiceContext, payload: SlaStepPayload, now: number): Promise<void> {
  const clock = await findLeadSla(trx, payload.leadId);
  const lead = await findLeadById(trx, payload.leadId);
  if (!clock || !lead || clock.firstResponseAt !== null) return;
  if ((await findLeadPipeline(trx, lead)).closedAt !== null) return;
  const policy = await findSlaPolicy(trx, clock.policyId);
  if (!policy) return;
  const { step } = payload;
  const events: NewLeadEvent[] = [];
  if (step.kind === "warn") {
    events.push({ leadId: lead.id, type: "sla_warned", actor: "system", at: now, data: { dueAt: clock.dueAt, policyId: policy.id } });
    await announce(trx, ctx, lead, clock, "sla_warned", "First response due soon", now);
  } else if (step.kind === "breach") {
    await saveLeadSlas(trx, [{ ...clock, status: "breached" }], now);
    events.push({ leadId: lead.id, type: "sla_breached", actor: "system", at: now, data: { dueAt: clock.dueAt, policyId: policy.id, ownerId: lead.ownerId } });
    await enqueueLeadEvent(trx, { type: "lead.sla_breached", leadId: lead.id, eventKey: `sla_breached:${lead.id}`, data: { ...leadSummary(lead), dueAt: new Date(clock.dueAt).toISOString() } }, now);
  } else {
    events.push({ leadId: lead.id, type: "escalated", actor: "system", at: now, data: { action: step.action, step: step.index } });
    await escalate(trx, ctx, lead, clock, step.action, now);
  }
  await appendEvents(trx, events);
  const next = nextSlaStep(policy, clock, step);
  if (next) await scheduleTimer(trx, { key: slaTimerKey(lead.id), task: SLA_STEP_TASK, payload: { leadId: lead.id, step: next.step }, runAt: next.runAt }, now);
}

async function escalate(trx: Executor, ctx: ServiceContext, lead: Lead, clock: LeadSla, action: EscalationAction, now: number): Promise<void> {
  if (action === "reassign") {
    await reassignForSla(trx, ctx, lead, now);
    return;
  }
  const isManagerStep = action === "notify_manager";
  await announce(trx, ctx, lead, clock, `escalation_${action}`, isManagerStep ? "SLA breached, still no response" : "SLA breached", now, isManagerStep);
}

/** Tells the owner (or, for the manager step or an unassigned lead, the managers), and sends the webhook for warnings. */
async function announce(trx: Executor, ctx: ServiceContext, lead: Lead, clock: LeadSla, reason: string, headline: string, now: number, isForManagers = false): Promise<void> {
  const recipients = await findEscalationRecipients(trx, lead.ownerId, isForManagers);
  const settings = await readSettings(trx);
  const detail = `${headline}. The first response was due ${new Date(clock.dueAt).toISOString()}.`;
  await notifyPeople(trx, ctx, [{ reason, recipients, lead, headline, detail, slaDueAt: clock.dueAt, slackWebhookUrl: settings.slackWebhookUrl }], now);
  if (reason === "sla_warned") {
    await enqueueLeadEvent(trx, { type: "lead.sla_warning", leadId: lead.id, eventKey: `sla_warned:${lead.id}`, data: { ...leadSummary(lead), dueAt: new Date(clock.dueAt).toISOString() } }, now);
  }
}
