import type { CriterionAnswer, Qualification, QualificationChange } from "../../api/qualification.js";

/** Each status in words; a badge shows words as well as colour. */
export const QUALIFICATION_STATUS_LABELS: Record<Qualification["status"], string> = {
  unqualified: "Not qualified yet",
  in_progress: "Qualifying",
  qualified: "Qualified",
  disqualified: "Disqualified",
};

export const ANSWER_LABELS: Record<CriterionAnswer, string> = { yes: "Yes", no: "No", unknown: "Unknown" };

export const ANSWERS = Object.keys(ANSWER_LABELS) as CriterionAnswer[];

/** What the form holds: an answer and notes per criterion key, and the cost of inaction. */
export type QualificationDraft = { answers: Record<string, { answer: CriterionAnswer | null; notes: string }>; costOfInaction: string };

/** The form's starting point: what the lead's qualification says now. */
export function draftOf(qualification: Qualification): QualificationDraft {
  const answers = Object.fromEntries(qualification.answers.map((row) => [row.criterion, { answer: row.answer, notes: row.notes ?? "" }]));
  return { answers, costOfInaction: qualification.costOfInaction ?? "" };
}

/**
 * The PUT body for what the rep changed, or null when nothing did. Untouched answers are left
 * out, so their "answered by and when" keeps naming whoever really answered them.
 */
export function qualificationChangeOf(current: Qualification, draft: QualificationDraft): QualificationChange | null {
  const answers = current.answers.flatMap((row) => {
    const edited = draft.answers[row.criterion];
    if (!edited || edited.answer === null) return [];
    const notes = edited.notes.trim();
    if (edited.answer === row.answer && notes === (row.notes ?? "")) return [];
    return [{ criterion: row.criterion, answer: edited.answer, ...(notes || row.notes ? { notes } : {}) }];
  });
  const costOfInaction = draft.costOfInaction.trim();
  const isCostChanged = costOfInaction !== (current.costOfInaction ?? "");
  if (answers.length === 0 && !isCostChanged) return null;
  return { ...(answers.length > 0 ? { answers } : {}), ...(isCostChanged ? { costOfInaction: costOfInaction || null } : {}) };
}
