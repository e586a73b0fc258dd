import type { QualificationAnswer } from "../domain/qualification/qualification-answer.js";
import type { Executor } from "./engine.js";

/** A lead's qualification answers, ordered by criterion key. */
export async function listQualificationAnswers(db: Executor, leadId: string): Promise<QualificationAnswer[]> {
  const rows = await db.selectFrom("qualification_answers").selectAll().where("lead_id", "=", leadId).orderBy("criterion").execute();
  return rows.map((row) => ({ criterion: row.criterion, answer: row.answer, notes: row.notes, answeredBy: row.answered_by, answeredAt: row.answered_at }));
}

/** Writes answers for a lead; an answer to a criterion already answered replaces it (one per criterion). */
export async function saveQualificationAnswers(db: Executor, leadId: string, answers: readonly QualificationAnswer[]): Promise<void> {
  for (const answer of answers) {
    const changes = { answer: answer.answer, notes: answer.notes, answered_by: answer.answeredBy, answered_at: answer.answeredAt };
    await db
      .insertInto("qualification_answers")
      .values({ lead_id: leadId, criterion: answer.criterion, ...changes })
      .onConflict((oc) => oc.columns(["lead_id", "criterion"]).doUpdateSet(changes))
      .execute();
  }
}

/** Rows per multi-row INSERT of answers (6 columns: far under SQLite's parameter bound). */
const INSERT_CHUNK_ROWS = 1000;

/** Adds answers of many leads in bulk, none of them answered before (the demo's history). */
export async function insertQualificationAnswers(db: Executor, answers: readonly (QualificationAnswer & { leadId: string })[]): Promise<void> {
  for (let start = 0; start < answers.length; start += INSERT_CHUNK_ROWS) {
    const rows = answers.slice(start, start + INSERT_CHUNK_ROWS).map((a) => ({ lead_id: a.leadId, criterion: a.criterion, answer: a.answer, notes: a.notes, answered_by: a.answeredBy, answered_at: a.answeredAt }));
    await db.insertInto("qualification_answers").values(rows).execute();
  }
}
