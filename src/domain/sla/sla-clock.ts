import { ALWAYS_OPEN, addBusinessMinutes, type BusinessCalendar } from "./business-hours.js";
import type { EscalationAction, SlaPolicy } from "./sla-policy.js";

/** The instants a lead's SLA clock cares about. */
export type SlaDeadlines = { startedAt: number; warnAt: number; dueAt: number };

/** The calendar a policy measures in: the workspace's open hours, or every minute of every day. */
function clockCalendar(policy: SlaPolicy, workspace: BusinessCalendar): BusinessCalendar {
  return policy.clock === "business" ? workspace : { timezone: "UTC", weeklyHours: ALWAYS_OPEN, holidays: [] };
}

/** When to warn and when the first response is due, for a clock started at `startedAt`. */
export function slaDeadlines(policy: SlaPolicy, workspace: BusinessCalendar, startedAt: number): SlaDeadlines {
  const calendar = clockCalendar(policy, workspace);
  return {
    startedAt,
    warnAt: addBusinessMinutes(calendar, startedAt, policy.targetMinutes * policy.warningShare),
    dueAt: addBusinessMinutes(calendar, startedAt, policy.targetMinutes),
  };
}

/** A step of the SLA timer: warn, breach, then each escalation step by its index in the chain. */
export type SlaStep = { kind: "warn" } | { kind: "breach" } | { kind: "escalate"; index: number; action: EscalationAction };

/** The step after `current` and when it runs, or null when the chain is finished. */
export function nextSlaStep(policy: SlaPolicy, deadlines: SlaDeadlines, current: SlaStep | null): { step: SlaStep; runAt: number } | null {
  if (current === null) return policy.warningShare > 0 && policy.warningShare < 1 ? { step: { kind: "warn" }, runAt: deadlines.warnAt } : { step: { kind: "breach" }, runAt: deadlines.dueAt };
  const nextIndex = current.kind === "warn" ? -1 : current.kind === "breach" ? 0 : current.index + 1;
  if (nextIndex === -1) return { step: { kind: "breach" }, runAt: deadlines.dueAt };
  const escalation = policy.escalation[nextIndex];
  if (!escalation) return null;
  // Escalation delays are wall-clock: a breach is already late, and a manager must hear of it tonight, not Monday.
  return { step: { kind: "escalate", index: nextIndex, action: escalation.action }, runAt: deadlines.dueAt + escalation.afterBreachMinutes * 60_000 };
}
