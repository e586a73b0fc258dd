import { invalidField } from "../errors.js";
import type { NextStep } from "./lead-pipeline.js";

/** The longest next-step action we keep; a sentence or two, not a plan. */
export const NEXT_STEP_ACTION_MAX_CHARS = 500;

/** What a person asks for: do `action` by `dueAt`; `ownerId` absent means "the default owner". */
export type NextStepInput = { action: string; dueAt: number; ownerId?: string | null | undefined };

/** A checked next-step input: action trimmed. */
export type CheckedNextStepInput = { action: string; dueAt: number; ownerId: string | null | undefined };

/** Which timer a next step waits for: the reminder at its due time, then the overdue check. */
export type NextStepTimerKind = "due" | "overdue";

export type NextStepTimer = { runAt: number; kind: NextStepTimerKind };

/** `nextStep.action` under a prefix, or plain `action` without one. */
export function nextStepField(prefix: string | undefined, name: keyof NextStepInput): string {
  return prefix ? `${prefix}.${name}` : name;
}

/**
 * Checks a next step: the action is 1–500 characters once trimmed and the due time an integer
 * epoch-ms instant. A due time in the past is allowed: the step is due at once.
 */
export function checkNextStepInput(input: NextStepInput, fieldPrefix?: string): CheckedNextStepInput {
  const action = typeof input.action === "string" ? input.action.trim() : "";
  if (action.length === 0) throw invalidField(nextStepField(fieldPrefix, "action"), "must say what to do next");
  if (action.length > NEXT_STEP_ACTION_MAX_CHARS) throw invalidField(nextStepField(fieldPrefix, "action"), `must be at most ${NEXT_STEP_ACTION_MAX_CHARS} characters`);
  if (!Number.isSafeInteger(input.dueAt) || input.dueAt < 0) throw invalidField(nextStepField(fieldPrefix, "dueAt"), "must be an epoch-millisecond instant");
  return { action, dueAt: input.dueAt, ownerId: input.ownerId };
}

/**
 * The timer a next step waits for next: the reminder at `dueAt` while it is scheduled, the
 * overdue check `overdueAfterMinutes` later once the reminder fired, and none once overdue.
 */
export function nextStepTimerPlan(nextStep: Pick<NextStep, "dueAt" | "status">, overdueAfterMinutes: number): NextStepTimer | null {
  if (nextStep.status === "scheduled") return { runAt: nextStep.dueAt, kind: "due" };
  if (nextStep.status === "due") return { runAt: nextStep.dueAt + overdueAfterMinutes * 60_000, kind: "overdue" };
  return null;
}

/** The status a next step has after its `kind` timer fired. */
export function statusAfterTimer(kind: NextStepTimerKind): NextStep["status"] {
  return kind === "due" ? "due" : "overdue";
}

/** Whether a fired timer still concerns this next step: same due time, and the step is at the status the timer expects. */
export function isTimerCurrent(nextStep: NextStep | null, timer: { kind: NextStepTimerKind; dueAt: number }): nextStep is NextStep {
  if (!nextStep || nextStep.dueAt !== timer.dueAt) return false;
  return timer.kind === "due" ? nextStep.status === "scheduled" : nextStep.status === "due";
}
