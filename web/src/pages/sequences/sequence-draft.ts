import type { Sequence, SequenceInput, SequenceStep } from "../../api/sequences.js";
import { BUSINESS_HOURS_WINDOW } from "../../../../src/domain/sequences/sequence.js";

/** A new sequence: a follow-up with one email on day 0. */
export function newSequenceInput(): SequenceInput {
  return { name: "", purpose: "follow_up", steps: [blankStep(undefined)], nurtureSequenceId: null, repeatEveryDays: null };
}

/** The editable part of a saved sequence. */
export function inputOf(sequence: Sequence): SequenceInput {
  const { name, purpose, steps, nurtureSequenceId, repeatEveryDays } = sequence;
  return { name, purpose, steps, nurtureSequenceId, repeatEveryDays };
}

/** The step added after `previous`: an email two days later in the same window (business hours for the first). */
export function blankStep(previous: SequenceStep | undefined): SequenceStep {
  const window = previous?.window ?? BUSINESS_HOURS_WINDOW;
  return { dayOffset: previous ? previous.dayOffset + 2 : 0, channel: "email", subject: "", body: "", window: { ...window, weekdays: [...window.weekdays] }, proofAssetIds: [] };
}

/**
 * The sequence as the API takes it: a follow-up never repeats and a nurture sequence moves
 * nowhere after it, so the box hidden for the chosen purpose sends null.
 */
export function completeInput(draft: SequenceInput): SequenceInput {
  const isNurture = draft.purpose === "nurture";
  return {
    ...draft,
    name: draft.name.trim(),
    nurtureSequenceId: isNurture ? null : draft.nurtureSequenceId,
    repeatEveryDays: isNurture ? draft.repeatEveryDays : null,
    steps: draft.steps.map((step) => (step.channel === "email" ? step : { ...step, subject: "", proofAssetIds: [] })),
  };
}
