import type { QualificationCriterion } from "../pipeline/pipeline-config.js";
import type { AnswerValue } from "./qualification-answer.js";

/** Where qualification stands from the answers alone; `disqualified` is a decision, never computed. */
export type AnsweredStatus = "unqualified" | "in_progress" | "qualified";

/**
 * Status from the answers to the configured criteria: none answered → unqualified; every one
 * "yes" → qualified; anything between (a "no" or "unknown" included) → in_progress. A "no" does
 * not disqualify by itself: that takes a person and a reason. Answers to criteria no longer
 * configured are ignored.
 */
export function qualificationStatusOf(criteria: readonly QualificationCriterion[], answers: readonly { criterion: string; answer: AnswerValue }[]): AnsweredStatus {
  const answerOf = new Map(answers.map((a) => [a.criterion, a.answer]));
  const given = criteria.filter((criterion) => answerOf.has(criterion.key));
  if (given.length === 0) return "unqualified";
  return given.length === criteria.length && given.every((criterion) => answerOf.get(criterion.key) === "yes") ? "qualified" : "in_progress";
}
