import { leadOutcome, type LeadOutcome, type ObjectionLog, OUTCOME_EVENT_TYPES } from "../domain/objections/win-rates.js";
import type { Executor } from "./engine.js";

/** An objection logged on a lead, as stored. */
export type StoredObjectionLog = ObjectionLog & { id: string; notes: string | null; actor: string; loggedAt: number };

/** Records an objection raised on a lead. */
export async function insertObjectionLog(db: Executor, log: StoredObjectionLog): Promise<void> {
  await db
    .insertInto("objection_logs")
    .values({ id: log.id, lead_id: log.leadId, objection_id: log.objectionId, response_version_id: log.responseVersionId, notes: log.notes, actor: log.actor, logged_at: log.loggedAt })
    .execute();
}

/** Every time an objection was logged, on any lead. */
export async function listObjectionLogs(db: Executor, objectionId: string): Promise<ObjectionLog[]> {
  const rows = await db.selectFrom("objection_logs").select(["lead_id", "objection_id", "response_version_id"]).where("objection_id", "=", objectionId).orderBy("logged_at").execute();
  return rows.map((row) => ({ leadId: row.lead_id, objectionId: row.objection_id, responseVersionId: row.response_version_id }));
}

/**
 * The outcome of every lead this objection was logged on, read from their won / lost /
 * disqualified events: outcomes live on the timeline, so a later outcome links itself.
 */
export async function outcomesOfObjectionLeads(db: Executor, objectionId: string): Promise<Map<string, LeadOutcome>> {
  const rows = await db
    .selectFrom("events")
    .select(["lead_id", "type"])
    .where("type", "in", OUTCOME_EVENT_TYPES)
    .where("lead_id", "in", db.selectFrom("objection_logs").select("lead_id").where("objection_id", "=", objectionId))
    .orderBy("id")
    .execute();
  const typesByLead = new Map<string, string[]>();
  for (const row of rows) {
    if (row.lead_id === null) continue;
    typesByLead.set(row.lead_id, [...(typesByLead.get(row.lead_id) ?? []), row.type]);
  }
  return new Map([...typesByLead].map(([leadId, types]) => [leadId, leadOutcome(types)]));
}
