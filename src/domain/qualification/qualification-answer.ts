import { invalidField } from "../errors.js";
import type { QualificationCriterion } from "../pipeline/pipeline-config.js";

/** How a criterion was answered: "unknown" says it was asked and nobody knows yet. */
export type AnswerValue = "yes" | "no" | "unknown";

export const ANSWER_VALUES: readonly AnswerValue[] = ["yes", "no", "unknown"];

/** Longest notes on an answer, cost of inaction or outcome note: a few paragraphs. */
export const QUALIFICATION_TEXT_MAX_LENGTH = 2000;

/** A criterion answered on a lead, with who answered and when. */
export type QualificationAnswer = {
  criterion: string;
  answer: AnswerValue;
  notes: string | null;
  /** Actor string of who answered (`user:<id>`, `api_key:<id>`). */
  answeredBy: string;
  answeredAt: number;
};

export type AnswerInput = { criterion: string; answer: string; notes?: string | null | undefined };

export type QualificationInput = { answers?: readonly AnswerInput[] | undefined; costOfInaction?: string | null | undefined };

/** A checked qualification change; `costOfInaction` undefined leaves it as it is. */
export type QualificationChange = {
  answers: { criterion: string; answer: AnswerValue; notes: string | null }[];
  costOfInaction: string | null | undefined;
};

/** Free text as stored: trimmed, blank is null, at most the length limit; errors name `field`. */
export function normalizeQualificationText(raw: string | null | undefined, field: string): string | null {
  const text = raw?.trim() ?? "";
  if (text.length > QUALIFICATION_TEXT_MAX_LENGTH) throw invalidField(field, `must be at most ${QUALIFICATION_TEXT_MAX_LENGTH} characters`);
  return text === "" ? null : text;
}

function checkAnswer(criteria: readonly QualificationCriterion[], input: AnswerInput, index: number, seen: Set<string>): QualificationChange["answers"][number] {
  const field = `answers.${index}`;
  if (!criteria.some((criterion) => criterion.key === input.criterion)) {
    throw invalidField(`${field}.criterion`, `no qualification criterion "${input.criterion}" (known: ${criteria.map((c) => c.key).join(", ")})`);
  }
  if (seen.has(input.criterion)) throw invalidField(`${field}.criterion`, `"${input.criterion}" is answered twice`);
  seen.add(input.criterion);
  if (!(ANSWER_VALUES as readonly string[]).includes(input.answer)) throw invalidField(`${field}.answer`, `must be one of ${ANSWER_VALUES.join(", ")}`);
  return { criterion: input.criterion, answer: input.answer as AnswerValue, notes: normalizeQualificationText(input.notes, `${field}.notes`) };
}

/**
 * Checks answers against the configured criteria: each names a known criterion once, with a
 * known answer and notes within bounds. Errors name the field (`answers.2.criterion`).
 */
export function checkQualificationInput(criteria: readonly QualificationCriterion[], input: QualificationInput): QualificationChange {
  if (input.answers === undefined && input.costOfInaction === undefined) throw invalidField("answers", "give answers, costOfInaction or both");
  const seen = new Set<string>();
  const answers = (input.answers ?? []).map((answer, index) => checkAnswer(criteria, answer, index, seen));
  const costOfInaction = input.costOfInaction === undefined ? undefined : normalizeQualificationText(input.costOfInaction, "costOfInaction");
  return { answers, costOfInaction };
}
