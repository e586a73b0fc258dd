import type { Lead } from "../../domain/lead/lead.js";
import type { NextStep } from "../../domain/pipeline/lead-pipeline.js";
import { isTimerCurrent, type NextStepTimerKind, statusAfterTimer } from "../../domain/pipeline/next-step.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../store/lead-pipeline.js";
import { lockLeadsByIds } from "../../store/leads.js";
import { readSettings } from "../../store/settings.js";
import type { ServiceContext } from "../context.js";
import { notifyPeople } from "../notifications/notify-people.js";
import { findEscalationRecipients } from "../sla/escalation-recipients.js";
import { scheduleNextStepTimer } from "./next-step-writes.js";

export type NextStepTimerPayload = { leadId: string; kind: NextStepTimerKind; dueAt: number };

const HEADLINES: Record<NextStepTimerKind, string> = { due: "Next step due", overdue: "Next step overdue" };

/**
 * The reminder (`due`) or overdue check of a lead's next step, inside the worker's transaction
 * (which also completes the timer, so it happens once). The lead is locked first, so a person
 * changing the step meanwhile waits, and a step changed or finished since the timer was set
 * (another due time, done, lead closed) makes it do nothing. Marks the step, appends
 * `next_step_due` / `next_step_overdue`, tells the step's owner and schedules the next check.
 */
export async function runNextStepTimer(trx: Executor, ctx: ServiceContext, payload: NextStepTimerPayload, now: number): Promise<void> {
  const [lead] = await lockLeadsByIds(trx, [payload.leadId]);
  if (!lead) return;
  const state = await findLeadPipeline(trx, lead);
  if (state.closedAt !== null || state.qualificationStatus === "disqualified" || !isTimerCurrent(state.nextStep, payload)) return;
  const nextStep: NextStep = { ...state.nextStep, status: statusAfterTimer(payload.kind) };
  await saveLeadPipeline(trx, { ...state, nextStep }, now);
  const data = { action: nextStep.action, dueAt: nextStep.dueAt, ownerId: nextStep.ownerId };
  await appendEvents(trx, [{ leadId: lead.id, type: payload.kind === "due" ? "next_step_due" : "next_step_overdue", actor: "system", at: now, data }]);
  const { slackWebhookUrl, pipeline } = await readSettings(trx);
  await remindOwner(trx, ctx, { lead, nextStep, kind: payload.kind, slackWebhookUrl }, now);
  await scheduleNextStepTimer(trx, lead.id, nextStep, pipeline.nextStepOverdueAfterMinutes, now);
}

type Reminder = { lead: Lead; nextStep: NextStep; kind: NextStepTimerKind; slackWebhookUrl: string | null };

/** Emails the step's owner (the lead's managers when it has none or they left) and posts to Slack when set. */
async function remindOwner(trx: Executor, ctx: ServiceContext, { lead, nextStep, kind, slackWebhookUrl }: Reminder, now: number): Promise<void> {
  const owners = nextStep.ownerId ? await findEscalationRecipients(trx, nextStep.ownerId, false) : [];
  const recipients = owners.length > 0 ? owners : await findEscalationRecipients(trx, lead.ownerId, true);
  const headline = HEADLINES[kind];
  const detail = `${nextStep.action} (due ${new Date(nextStep.dueAt).toISOString()})`;
  // setAt makes each step's reminders their own: a later step due at the same time is reminded again.
  const reason = `next_step_${kind}:${nextStep.setAt}`;
  await notifyPeople(trx, ctx, [{ reason, recipients, lead, headline, detail, slaDueAt: null, slackWebhookUrl }], now);
}
