import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { LeadEvent, NewLeadEvent } from "../domain/lead/lead-event.js";

/** Rows per multi-row INSERT of events (5 columns: far under SQLite's parameter bound). */
const INSERT_CHUNK_ROWS = 1000;

/** Appends events. The log is append-only: nothing updates or deletes an event. */
export async function appendEvents(db: Executor, events: NewLeadEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += INSERT_CHUNK_ROWS) {
    await db
      .insertInto("events")
      .values(
        events.slice(start, start + INSERT_CHUNK_ROWS).map((e) => ({
          lead_id: e.leadId,
          type: e.type,
          actor: e.actor,
          at: e.at,
          data: toJsonColumn(e.data),
        })),
      )
      .execute();
  }
}

/** A lead's timeline, oldest first. */
export async function listLeadEvents(db: Executor, leadId: string): Promise<LeadEvent[]> {
  const rows = await db.selectFrom("events").selectAll().where("lead_id", "=", leadId).orderBy("id", "asc").execute();
  return rows.map((row) => ({
    id: row.id,
    leadId: row.lead_id,
    type: row.type,
    actor: row.actor,
    at: row.at,
    data: fromJsonColumn<Record<string, unknown>>(row.data),
  }));
}
