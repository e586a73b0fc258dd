import type { NextStep, StageMove } from "../../api/lead-pipeline.js";
import { type BoardStage, type ChecklistItem, isClosedMilestone } from "../../api/pipeline.js";
import { localTimeOf } from "../../format/zoned-time.js";
import { outcomeMoveOf } from "../lead-detail/deal-words.js";
import { type NextStepFields, nextStepFieldsOf, nextStepInputOf } from "../lead-detail/next-step-words.js";

/** What moving a lead between two stages asks of the person, mirroring the API's rules so the dialog shows only what matters. */
export type MovePlan = {
  from: BoardStage;
  to: BoardStage;
  isForward: boolean;
  /** The exit checklist of the stage being left; only moving forward checks it. */
  checklist: ChecklistItem[];
  /** Block mode: the move is refused until every item is checked (warn mode only records what was skipped). */
  isChecklistBlocking: boolean;
  /** Moving forward into an open stage needs a next step (the lead's own, or one given now). */
  needsNextStep: boolean;
  outcome: "won" | "lost" | null;
};

const isClosed = (stage: BoardStage) => isClosedMilestone(stage.milestone);

/** The plan for moving from `fromKey` to `toKey` in this stage order; null for the same or an unknown stage. */
export function planMove(stages: readonly BoardStage[], fromKey: string, toKey: string): MovePlan | null {
  const fromIndex = stages.findIndex((stage) => stage.key === fromKey);
  const toIndex = stages.findIndex((stage) => stage.key === toKey);
  const from = stages[fromIndex];
  const to = stages[toIndex];
  if (!from || !to || from === to) return null;
  const isForward = toIndex > fromIndex;
  const checklist = isForward && !isClosed(from) ? from.exitChecklist : [];
  const outcome = isClosedMilestone(to.milestone) ? to.milestone : null;
  return { from, to, isForward, checklist, isChecklistBlocking: checklist.length > 0 && from.checklistMode === "block", needsNextStep: isForward && !isClosed(to), outcome };
}

/** Exit items not yet checked, in checklist order. */
export function uncheckedItems(plan: MovePlan, checkedKeys: readonly string[]): ChecklistItem[] {
  return plan.checklist.filter((item) => !checkedKeys.includes(item.key));
}

/** The next-step boxes' starting values: the lead's next step if it has one, else an empty action due tomorrow at 09:00. */
export function nextStepDefaults(existing: NextStep | null, now: number, timeZone: string): NextStepFields {
  if (existing) return { action: existing.action, due: localTimeOf(existing.dueAt, timeZone), ownerId: existing.ownerId ?? "" };
  return { action: "", due: `${localTimeOf(now + 24 * 3600_000, timeZone).slice(0, 10)}T09:00`, ownerId: "" };
}

/** A problem the browser sees before asking, named like the API's field. */
export type MoveProblem = { field: string; message: string };

/**
 * The request body for a move, read from the dialog's form. The next-step rule stays with the
 * API, whose refusal names the field: a blank action is left out (the lead may have a next step),
 * and an unchanged existing next step is left alone so it is not rescheduled.
 */
export function stageMoveOf(plan: MovePlan, form: FormData, existing: NextStep | null, timeZone: string): { move: StageMove } | MoveProblem {
  if (plan.outcome) return outcomeMoveOf(plan.outcome, plan.to.key, form);
  const move: StageMove = { stage: plan.to.key };
  if (plan.checklist.length > 0) move.checkedItems = form.getAll("checkedItems").map(String);
  const fields = nextStepFieldsOf(form);
  if (!plan.needsNextStep || fields.action.trim() === "" || isUnchanged(existing, fields, timeZone)) return { move };
  const reading = nextStepInputOf(fields, timeZone);
  return "input" in reading ? { move: { ...move, nextStep: reading.input } } : reading;
}

function isUnchanged(existing: NextStep | null, fields: NextStepFields, timeZone: string): boolean {
  if (!existing) return false;
  const isSameOwner = fields.ownerId === "" || fields.ownerId === existing.ownerId;
  return existing.action === fields.action.trim() && localTimeOf(existing.dueAt, timeZone) === fields.due && isSameOwner;
}

/** What the dialog says about unchecked exit items: the move is held back (block) or goes through with them recorded as missing (warn). */
export function checklistVerdict(plan: MovePlan, checkedKeys: readonly string[]): { isBlocked: boolean; text: string } {
  const missing = uncheckedItems(plan, checkedKeys);
  if (missing.length === 0) return { isBlocked: false, text: "" };
  const labels = missing.map((item) => item.label).join(", ");
  if (plan.isChecklistBlocking) return { isBlocked: true, text: `${plan.from.name} requires every exit item before moving on. Not done: ${labels}.` };
  return { isBlocked: false, text: `Not done: ${labels}. The move will be recorded with ${missing.length === 1 ? "it" : "them"} missing.` };
}
