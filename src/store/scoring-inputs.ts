import type { Lead } from "../domain/lead/lead.js";
import { SIGNAL_EVENT_TYPES, type SignalEvent } from "../domain/scoring/intent-signals.js";
import { type Executor, fromJsonColumn, idChunks, withoutIndex } from "./engine.js";
import { findLeadsByIds } from "./leads.js";

/** What scoring reads about a lead: its fields, qualification answers, the events that carry intent, and whether it is closed. */
export type ScoringInput = {
  lead: Lead;
  answers: { criterion: string; answer: string }[];
  events: SignalEvent[];
  /** Won, lost or disqualified: such leads keep the score they closed with. */
  isClosed: boolean;
  /** Created by the capture scoring it, in the same transaction: nothing about it is stored yet but the lead and its capture. */
  isNew?: boolean;
};

/**
 * Scoring inputs of the given leads, in four set-based queries per 500 leads; unknown ids are
 * absent. A lead with a cut-off in `cutOffs` gets only the answers and signal events written
 * before that instant: what was known of it then (a closed lead's score as of its close).
 */
export async function loadScoringInputs(db: Executor, leadIds: readonly string[], cutOffs?: ReadonlyMap<string, number>): Promise<Map<string, ScoringInput>> {
  const isKnownBy = (leadId: string, at: number) => at < (cutOffs?.get(leadId) ?? Infinity);
  const inputs = new Map<string, ScoringInput>();
  for (const ids of idChunks(leadIds)) {
    for (const lead of await findLeadsByIds(db, ids)) inputs.set(lead.id, { lead, answers: [], events: [], isClosed: false });
    const closed = await db.selectFrom("lead_pipeline").select("lead_id").where("lead_id", "in", ids).where("closed_at", "is not", null).execute();
    for (const row of closed) inputs.get(row.lead_id)!.isClosed = true;
    const answers = await db.selectFrom("qualification_answers").select(["lead_id", "criterion", "answer", "answered_at"]).where("lead_id", "in", ids).execute();
    for (const row of answers) if (isKnownBy(row.lead_id, row.answered_at)) inputs.get(row.lead_id)?.answers.push({ criterion: row.criterion, answer: row.answer });
    const events = await db
      .selectFrom("events")
      .select(["lead_id", "type", "actor", "at", "data"])
      .where("lead_id", "in", ids)
      .where(withoutIndex("type"), "in", [...SIGNAL_EVENT_TYPES])
      .orderBy("id")
      .execute();
    for (const row of events) if (isKnownBy(row.lead_id!, row.at)) inputs.get(row.lead_id!)?.events.push({ type: row.type, actor: row.actor, at: row.at, data: fromJsonColumn<Record<string, unknown>>(row.data) });
  }
  return inputs;
}

/** The most recently created open leads (not won, lost or disqualified): the sample a scoring preview shows. */
export async function listRecentOpenLeadIds(db: Executor, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom("leads")
    .leftJoin("lead_pipeline", "lead_pipeline.lead_id", "leads.id")
    .select("leads.id")
    .where("lead_pipeline.closed_at", "is", null)
    .orderBy("leads.created_at", "desc")
    .orderBy("leads.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
