import type { LeadPipeline, QualificationStatus } from "../pipeline/lead-pipeline.js";
import type { PipelineConfig } from "../pipeline/pipeline-config.js";
import { reasonLabel } from "./outcome-reason.js";
import type { AnswerValue, QualificationAnswer } from "./qualification-answer.js";

/** One configured criterion with the lead's answer to it (nulls while unanswered). */
export type CriterionAnswer = {
  criterion: string;
  label: string;
  question: string;
  answer: AnswerValue | null;
  notes: string | null;
  answeredBy: string | null;
  answeredAt: number | null;
};

export type Disqualification = { reason: string; label: string; note: string | null; at: number };

/** A lead's qualification as people read it: status, one row per criterion, why now, and any disqualification. */
export type Qualification = {
  status: QualificationStatus;
  answers: CriterionAnswer[];
  costOfInaction: string | null;
  disqualification: Disqualification | null;
};

function disqualificationOf(config: PipelineConfig, state: LeadPipeline): Disqualification | null {
  const { qualificationStatus, disqualificationReason: reason, disqualificationNote: note, closedAt } = state;
  if (qualificationStatus !== "disqualified" || reason === null || closedAt === null) return null;
  return { reason, label: reasonLabel(config.disqualificationReasons, reason), note, at: closedAt };
}

/** The qualification view of a lead: every configured criterion in order, answered or not. */
export function qualificationOf(config: PipelineConfig, state: LeadPipeline, answers: readonly QualificationAnswer[]): Qualification {
  const answerOf = new Map(answers.map((a) => [a.criterion, a]));
  return {
    status: state.qualificationStatus,
    answers: config.qualificationCriteria.map(({ key, label, question }) => {
      const given = answerOf.get(key);
      return { criterion: key, label, question, answer: given?.answer ?? null, notes: given?.notes ?? null, answeredBy: given?.answeredBy ?? null, answeredAt: given?.answeredAt ?? null };
    }),
    costOfInaction: state.costOfInaction,
    disqualification: disqualificationOf(config, state),
  };
}
