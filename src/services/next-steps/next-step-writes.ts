import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { Lead } from "../../domain/lead/lead.js";
import { type LeadPipeline, type NextStep, nextStepTimerKey } from "../../domain/pipeline/lead-pipeline.js";
import { checkNextStepInput, nextStepField, type NextStepInput, nextStepTimerPlan } from "../../domain/pipeline/next-step.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { saveLeadPipeline } from "../../store/lead-pipeline.js";
import { readSettings } from "../../store/settings.js";
import { cancelTimer, scheduleTimer } from "../../store/timers.js";
import { checkActivePeople } from "../routing-config/check-people.js";
import type { ServiceContext } from "../context.js";

/** Timer task that reminds a next step's owner at its due time and flags it overdue later. */
export const NEXT_STEP_DUE_TASK = "next-step-due";

export type SetNextStepRequest = {
  /** Who sets it: recorded as the event's actor, and the default owner when the lead has none. */
  principal: Principal;
  lead: Lead;
  /** The lead's pipeline state as the caller has it (possibly already changed in this transaction). */
  state: LeadPipeline;
  input: NextStepInput;
  now: number;
  /** Prefix for field names in errors, e.g. `nextStep` → `nextStep.ownerId`; none → `ownerId`. */
  field?: string | undefined;
};

/**
 * Sets (or replaces) a lead's next step inside the caller's transaction: checks the input and
 * its owner (an active user; default the lead's owner, else the caller), saves the state,
 * appends `next_step_set` / `next_step_rescheduled` and replaces any pending reminder with one
 * at the new due time. Whether the lead may have a next step at all (closed, disqualified) is
 * the caller's to check. Returns the new state.
 */
export async function setNextStepInTransaction(trx: Executor, ctx: ServiceContext, request: SetNextStepRequest): Promise<LeadPipeline> {
  const { principal, lead, state, now } = request;
  const input = checkNextStepInput(request.input, request.field);
  const ownerId = input.ownerId ?? lead.ownerId ?? (principal.kind === "user" ? principal.userId : null);
  if (input.ownerId) await checkActivePeople(trx, [input.ownerId], () => nextStepField(request.field, "ownerId"));
  const nextStep: NextStep = { action: input.action, dueAt: input.dueAt, ownerId, setAt: now, status: "scheduled" };
  const next: LeadPipeline = { ...state, nextStep };
  await saveLeadPipeline(trx, next, now);
  const previous = state.nextStep;
  const data = { action: nextStep.action, dueAt: nextStep.dueAt, ownerId, ...(previous ? { previous: { action: previous.action, dueAt: previous.dueAt, ownerId: previous.ownerId } } : {}) };
  await appendEvents(trx, [{ leadId: lead.id, type: previous ? "next_step_rescheduled" : "next_step_set", actor: actorOf(principal), at: now, data }]);
  await scheduleNextStepTimer(trx, lead.id, nextStep, (await readSettings(trx)).pipeline.nextStepOverdueAfterMinutes, now);
  return next;
}

/**
 * The state without a next step, and its pending reminder or overdue check cancelled, inside
 * the caller's transaction. Does not save the state nor append an event: the caller does, with
 * its own change (done, won, lost, disqualified).
 */
export async function clearNextStepInTransaction(trx: Executor, leadId: string, state: LeadPipeline): Promise<LeadPipeline> {
  await cancelTimer(trx, nextStepTimerKey(leadId));
  return { ...state, nextStep: null };
}

/** Schedules the timer the next step waits for next (replacing the pending one), or cancels it when there is none. */
export async function scheduleNextStepTimer(trx: Executor, leadId: string, nextStep: NextStep, overdueAfterMinutes: number, now: number): Promise<void> {
  const plan = nextStepTimerPlan(nextStep, overdueAfterMinutes);
  const key = nextStepTimerKey(leadId);
  if (!plan) {
    await cancelTimer(trx, key);
    return;
  }
  await scheduleTimer(trx, { key, task: NEXT_STEP_DUE_TASK, payload: { leadId, kind: plan.kind, dueAt: nextStep.dueAt }, runAt: plan.runAt }, now);
}
