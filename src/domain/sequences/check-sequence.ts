import { invalidField } from "../errors.js";
import { checkSendWindow } from "./send-window.js";
import { SEQUENCE_LIMITS, type Sequence, type SequenceStep, STEP_CHANNELS } from "./sequence.js";
import { checkTemplate, type TemplateVariableName } from "./template.js";

/** A sequence as a manager writes it in the editor or the API. */
export type SequenceInput = Pick<Sequence, "name" | "purpose" | "steps" | "nurtureSequenceId" | "repeatEveryDays">;

/** What the check needs to know about the workspace: whether company.name is set, and which proof assets exist. */
export type SequenceCheckContext = { companyNameIsSet: boolean; proofAssetIds: readonly string[] };

function checkText(value: string, field: string, maxLength: number): string {
  const text = value.trim();
  if (text === "") throw invalidField(field, "must not be empty");
  if (text.length > maxLength) throw invalidField(field, `must be at most ${maxLength} characters`);
  return text;
}

function checkStep(step: SequenceStep, i: number, previous: SequenceStep | undefined, context: SequenceCheckContext): SequenceStep {
  const field = `steps.${i}`;
  const { dayOffset } = step;
  if (!Number.isInteger(dayOffset) || dayOffset < 0 || dayOffset > SEQUENCE_LIMITS.maxDayOffset) throw invalidField(`${field}.dayOffset`, `must be a whole number of days from 0 to ${SEQUENCE_LIMITS.maxDayOffset}`);
  if (previous !== undefined && dayOffset < previous.dayOffset) throw invalidField(`${field}.dayOffset`, `must not be before the previous step's day ${previous.dayOffset}`);
  if (!STEP_CHANNELS.includes(step.channel)) throw invalidField(`${field}.channel`, `must be one of ${STEP_CHANNELS.join(", ")}`);
  const unset: TemplateVariableName[] = context.companyNameIsSet ? [] : ["company.name"];
  const isEmail = step.channel === "email";
  // A task step has no subject: its body is what the owner should do.
  const subject = isEmail ? checkText(step.subject, `${field}.subject`, SEQUENCE_LIMITS.maxSubjectLength) : "";
  const body = checkText(step.body, `${field}.body`, SEQUENCE_LIMITS.maxBodyLength);
  checkTemplate(subject, `${field}.subject`, unset);
  checkTemplate(body, `${field}.body`, unset);
  checkSendWindow(step.window, `${field}.window`);
  for (const [j, id] of step.proofAssetIds.entries()) {
    if (!context.proofAssetIds.includes(id)) throw invalidField(`${field}.proofAssetIds.${j}`, `no proof asset ${id}`);
  }
  const window = { startMinute: step.window.startMinute, endMinute: step.window.endMinute, weekdays: [...step.window.weekdays].sort((a, b) => a - b) };
  return { dayOffset, channel: step.channel, subject, body, window, proofAssetIds: [...new Set(step.proofAssetIds)] };
}

/** Where a sequence leads on: only follow-ups move leads to nurture, only nurture sequences repeat. */
function checkContinuation(input: SequenceInput): Pick<SequenceInput, "nurtureSequenceId" | "repeatEveryDays"> {
  const nurtureSequenceId = input.nurtureSequenceId?.trim() || null;
  const { repeatEveryDays } = input;
  if (input.purpose === "nurture" && nurtureSequenceId !== null) throw invalidField("nurtureSequenceId", "a nurture sequence does not move leads on; leave it empty");
  if (repeatEveryDays === null) return { nurtureSequenceId, repeatEveryDays };
  if (input.purpose !== "nurture") throw invalidField("repeatEveryDays", "only nurture sequences repeat; leave it empty");
  if (!Number.isInteger(repeatEveryDays) || repeatEveryDays < 1 || repeatEveryDays > SEQUENCE_LIMITS.maxRepeatEveryDays) {
    throw invalidField("repeatEveryDays", `must be a whole number of days from 1 to ${SEQUENCE_LIMITS.maxRepeatEveryDays}`);
  }
  return { nurtureSequenceId, repeatEveryDays };
}

/**
 * Checks a sequence before it is saved and returns it tidied (trimmed texts, task steps without
 * a subject). Every problem names its field, e.g. `steps.2.body`. Whether the nurture sequence
 * it names exists is for the caller, which can look it up.
 */
export function checkSequenceInput(input: SequenceInput, context: SequenceCheckContext): SequenceInput {
  const name = checkText(input.name, "name", SEQUENCE_LIMITS.maxNameLength);
  if (input.purpose !== "follow_up" && input.purpose !== "nurture") throw invalidField("purpose", "must be follow_up or nurture");
  if (input.steps.length === 0) throw invalidField("steps", "must have at least one step");
  if (input.steps.length > SEQUENCE_LIMITS.maxSteps) throw invalidField("steps", `must have at most ${SEQUENCE_LIMITS.maxSteps} steps`);
  const steps = input.steps.map((step, i) => checkStep(step, i, input.steps[i - 1], context));
  return { name, purpose: input.purpose, steps, ...checkContinuation(input) };
}
