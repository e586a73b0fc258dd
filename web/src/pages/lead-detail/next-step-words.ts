import type { NextStep } from "../../api/lead-pipeline.js";
import type { NextStepInput } from "../../api/next-steps.js";
import { isoOfLocalTime } from "../../format/zoned-time.js";

export type NextStepTone = "scheduled" | "due" | "overdue";

const MINUTE_MS = 60_000;

/**
 * The next step's urgency in words: due once its time has passed, overdue once the workspace's
 * grace minutes (when given) have too; the worker's timer records the same a moment later, so
 * the page never calls a step scheduled just because its reminder is late.
 */
export function nextStepStatusOf(step: Pick<NextStep, "dueAt" | "status">, now: number, overdueAfterMinutes?: number): { tone: NextStepTone; text: string } {
  const dueAt = Date.parse(step.dueAt);
  const isPastGrace = overdueAfterMinutes !== undefined && now >= dueAt + overdueAfterMinutes * MINUTE_MS;
  if (step.status === "overdue" || isPastGrace) return { tone: "overdue", text: "Overdue" };
  if (step.status === "due" || now >= dueAt) return { tone: "due", text: "Due now" };
  return { tone: "scheduled", text: "Scheduled" };
}

/** A next step as typed: the due time is the datetime-local box's value, read in the person's zone; owner "" is the lead's owner. */
export type NextStepFields = { action: string; due: string; ownerId: string };

export type NextStepReading = { input: NextStepInput } | { field: "action" | "dueAt"; message: string };

/** The request a next-step form makes, or the field that stops it. */
export function nextStepInputOf(fields: NextStepFields, timeZone: string): NextStepReading {
  const action = fields.action.trim();
  if (!action) return { field: "action", message: "Say what happens next." };
  const dueAt = isoOfLocalTime(fields.due, timeZone);
  if (dueAt === null) return { field: "dueAt", message: "Pick the date and time it is due." };
  return { input: fields.ownerId ? { action, dueAt, ownerId: fields.ownerId } : { action, dueAt } };
}

/** The fields of a next-step form whose inputs are named `${prefix}action`, `${prefix}due` and `${prefix}ownerId`. */
export function nextStepFieldsOf(form: FormData, prefix = ""): NextStepFields {
  const read = (name: string) => String(form.get(`${prefix}${name}`) ?? "");
  return { action: read("action"), due: read("due"), ownerId: read("ownerId") };
}
