import { type DomainError, invalidField } from "../../../domain/errors.js";
import { BUSINESS_HOURS_WINDOW, type Sequence, type SequenceStep } from "../../../domain/sequences/sequence.js";
import { isoOf } from "../../instants.js";
import type { SequenceBodyType, SequenceDtoType, SequenceStepInputType } from "./sequences.schemas.js";

/** A sequence as the API shows it. */
export function presentSequence(sequence: Sequence): SequenceDtoType {
  const { id, name, purpose, steps, nurtureSequenceId, repeatEveryDays, isArchived, createdAt, updatedAt } = sequence;
  return { id, name, purpose, steps, nurtureSequenceId, repeatEveryDays, isArchived, createdAt: isoOf(createdAt), updatedAt: isoOf(updatedAt) };
}

/** A step as the API takes it, its left-out parts filled: no subject, business hours, no proof assets. */
export function sequenceStepOf(step: SequenceStepInputType): SequenceStep {
  const { dayOffset, channel, subject = "", body, window = BUSINESS_HOURS_WINDOW, proofAssetIds = [] } = step;
  return { dayOffset, channel, subject, body, window, proofAssetIds };
}

/** A sequence as the API takes it, as the services take it: a follow-up with no nurture sequence unless told. */
export function sequenceInputOf(body: SequenceBodyType): Pick<Sequence, "name" | "purpose" | "steps" | "nurtureSequenceId" | "repeatEveryDays"> {
  const { name, purpose = "follow_up", steps, nurtureSequenceId = null, repeatEveryDays = null } = body;
  return { name, purpose, steps: steps.map(sequenceStepOf), nurtureSequenceId, repeatEveryDays };
}

/**
 * A preview that does not render for the lead, as the 400 the editor shows beside the template:
 * `renderStep` starts its problem with the part it was rendering (`subject: …` or `body: …`).
 */
export function previewRefusal(problem: string): DomainError {
  const part = problem.startsWith("subject: ") ? "subject" : "body";
  return invalidField(`step.${part}`, problem.slice(`${part}: `.length));
}
