import { BUCKETS, type Bucket, type IntentLevel } from "../domain/scoring/scoring-config.js";
import type { LeadScore, ScoreContribution } from "../domain/scoring/score-lead.js";
import { type Executor, fromJsonColumn, idChunks, toJsonColumn } from "./engine.js";
import type { LeadScoreTable } from "./schema.js";

/** A lead's current score as stored, with the playbook running on it: the score without its worded explanation (the contributions carry the words). */
export type StoredLeadScore = Omit<LeadScore, "explanation"> & { leadId: string; playbookId: string | null; scoredAt: number };

/** A stored score without its contributions: what rescoring compares a new score with (the contributions are most of a row). */
export type StoredScoreSummary = Omit<StoredLeadScore, "contributions">;

const SUMMARY_COLUMNS = ["lead_id", "score", "fit_score", "intent_score", "rule_score", "model_probability", "model_version", "bucket", "intent_level", "playbook_id", "scored_at"] as const;

function rowToScoreSummary(row: Omit<LeadScoreTable, "contributions">): StoredScoreSummary {
  return {
    leadId: row.lead_id,
    score: row.score,
    fitScore: row.fit_score,
    intentScore: row.intent_score,
    ruleScore: row.rule_score,
    modelProbability: row.model_probability,
    modelVersion: row.model_version,
    bucket: row.bucket,
    intentLevel: row.intent_level,
    playbookId: row.playbook_id,
    scoredAt: row.scored_at,
  };
}

function rowToLeadScore(row: LeadScoreTable): StoredLeadScore {
  return { ...rowToScoreSummary(row), contributions: fromJsonColumn<ScoreContribution[]>(row.contributions) };
}

/** Rows per multi-row upsert: 12 columns × 500 stays far under SQLite's bound-parameter limit. */
const UPSERT_CHUNK_ROWS = 500;

/** Current scores of the given leads; unscored leads are absent. */
export async function findLeadScores(db: Executor, leadIds: readonly string[]): Promise<Map<string, StoredLeadScore>> {
  const scores = new Map<string, StoredLeadScore>();
  for (const ids of idChunks(leadIds)) {
    const rows = await db.selectFrom("lead_scores").selectAll().where("lead_id", "in", ids).execute();
    for (const row of rows) scores.set(row.lead_id, rowToLeadScore(row));
  }
  return scores;
}

/** Current scores of the given leads without their contributions; unscored leads are absent. */
export async function findScoreSummaries(db: Executor, leadIds: readonly string[]): Promise<Map<string, StoredScoreSummary>> {
  const summaries = new Map<string, StoredScoreSummary>();
  for (const ids of idChunks(leadIds)) {
    const rows = await db.selectFrom("lead_scores").select(SUMMARY_COLUMNS).where("lead_id", "in", ids).execute();
    for (const row of rows) summaries.set(row.lead_id, rowToScoreSummary(row));
  }
  return summaries;
}

/** Writes current scores (insert or replace), in multi-row upserts. */
export async function saveLeadScores(db: Executor, scores: readonly StoredLeadScore[]): Promise<void> {
  for (let start = 0; start < scores.length; start += UPSERT_CHUNK_ROWS) {
    const rows = scores.slice(start, start + UPSERT_CHUNK_ROWS).map((score) => ({
      lead_id: score.leadId,
      score: score.score,
      fit_score: score.fitScore,
      intent_score: score.intentScore,
      rule_score: score.ruleScore,
      model_probability: score.modelProbability,
      model_version: score.modelVersion,
      bucket: score.bucket,
      intent_level: score.intentLevel,
      playbook_id: score.playbookId,
      contributions: toJsonColumn(score.contributions),
      scored_at: score.scoredAt,
    }));
    await db
      .insertInto("lead_scores")
      .values(rows)
      .onConflict((oc) =>
        oc.column("lead_id").doUpdateSet((eb) => ({
          score: eb.ref("excluded.score"),
          fit_score: eb.ref("excluded.fit_score"),
          intent_score: eb.ref("excluded.intent_score"),
          rule_score: eb.ref("excluded.rule_score"),
          model_probability: eb.ref("excluded.model_probability"),
          model_version: eb.ref("excluded.model_version"),
          bucket: eb.ref("excluded.bucket"),
          intent_level: eb.ref("excluded.intent_level"),
          playbook_id: eb.ref("excluded.playbook_id"),
          contributions: eb.ref("excluded.contributions"),
          scored_at: eb.ref("excluded.scored_at"),
        })),
      )
      .execute();
  }
}

/** A point of a lead's score history, read from its `scored` events. */
export type ScoreHistoryPoint = { at: number; score: number; bucket: Bucket; intentLevel: IntentLevel };

/** A lead's score history, oldest first (at most the last `limit` changes). */
export async function listScoreHistory(db: Executor, leadId: string, limit = 100): Promise<ScoreHistoryPoint[]> {
  const rows = await db.selectFrom("events").select(["at", "data"]).where("lead_id", "=", leadId).where("type", "=", "scored").orderBy("id", "desc").limit(limit).execute();
  return rows.reverse().map((row) => {
    const data = fromJsonColumn<{ score: number; bucket: Bucket; intentLevel: IntentLevel }>(row.data);
    return { at: row.at, score: data.score, bucket: data.bucket, intentLevel: data.intentLevel };
  });
}

/**
 * Open leads (not won, lost or disqualified) after `afterId` in id order: the pages of a
 * rescoring pass over the whole workspace.
 */
export async function listOpenLeadIds(db: Executor, afterId: string | null, limit: number): Promise<string[]> {
  let query = db
    .selectFrom("leads")
    .leftJoin("lead_pipeline", "lead_pipeline.lead_id", "leads.id")
    .select("leads.id")
    .where("lead_pipeline.closed_at", "is", null)
    .orderBy("leads.id")
    .limit(limit);
  if (afterId !== null) query = query.where("leads.id", ">", afterId);
  return (await query.execute()).map((row) => row.id);
}

/** A closed lead and when it closed. */
export type LeadClose = { leadId: string; closedAt: number };

/**
 * Leads closed (won, lost or disqualified) by `closedBy` that have no score, at most `limit`
 * in id order: those closed before scoring existed (an imported history, the demo). One
 * anti-join, answered from the scores' primary key when there are none.
 */
export async function listUnscoredClosedLeads(db: Executor, closedBy: number, limit: number): Promise<LeadClose[]> {
  return db
    .selectFrom("lead_pipeline as p")
    .leftJoin("lead_scores as s", "s.lead_id", "p.lead_id")
    .select(["p.lead_id as leadId", "p.closed_at as closedAt"])
    .where("p.closed_at", "<=", closedBy)
    .where("s.lead_id", "is", null)
    .orderBy("p.lead_id")
    .limit(limit)
    .$narrowType<{ closedAt: number }>()
    .execute();
}

/** How many leads each bucket holds, every bucket present (closed leads count in the bucket they closed with). */
export async function countLeadsByBucket(db: Executor): Promise<Record<Bucket, number>> {
  const rows = await db.selectFrom("lead_scores").select((eb) => ["bucket", eb.fn.countAll<number | string>().as("total")]).groupBy("bucket").execute();
  const counts = Object.fromEntries(BUCKETS.map((bucket) => [bucket, 0])) as Record<Bucket, number>;
  for (const row of rows) counts[row.bucket] = Number(row.total);
  return counts;
}
