import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { Selectable } from "kysely";
import type { LeadEvent, LeadEventType, NewLeadEvent } from "../domain/lead/lead-event.js";
import { isRescoringEvent, LEAD_RESCORE_TASK, leadRescoreTimerKey } from "../domain/scoring/rescoring-triggers.js";
import type { EventTable } from "./schema.js";
import { scheduleTimers, type TimerSchedule } from "./timers.js";

/** Rows per multi-row INSERT of events (5 columns: far under SQLite's parameter bound). */
const INSERT_CHUNK_ROWS = 1000;

/**
 * Appends events. The log is append-only: nothing updates or deletes an event. An event that
 * can move a lead's score also schedules the lead's rescoring in the same transaction, so no
 * service has to remember it and none is lost if the process dies.
 */
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
  await scheduleRescores(db, events);
}

async function scheduleRescores(db: Executor, events: readonly NewLeadEvent[]): Promise<void> {
  const rescores = new Map<string, TimerSchedule>();
  for (const event of events) {
    if (event.leadId === null || !isRescoringEvent(event)) continue;
    rescores.set(event.leadId, { key: leadRescoreTimerKey(event.leadId), task: LEAD_RESCORE_TASK, payload: { leadId: event.leadId }, runAt: event.at });
  }
  if (rescores.size > 0) await scheduleTimers(db, [...rescores.values()], events[0]!.at);
}

function rowToEvent(row: Selectable<EventTable>): LeadEvent {
  return { id: row.id, leadId: row.lead_id, type: row.type, actor: row.actor, at: row.at, data: fromJsonColumn<Record<string, unknown>>(row.data) };
}

/** A lead's timeline, oldest first. */
export async function listLeadEvents(db: Executor, leadId: string): Promise<LeadEvent[]> {
  const rows = await db.selectFrom("events").selectAll().where("lead_id", "=", leadId).orderBy("id", "asc").execute();
  return rows.map(rowToEvent);
}

/** Whether a lead has any event of these types. */
export async function hasLeadEventOfTypes(db: Executor, leadId: string, types: readonly LeadEventType[]): Promise<boolean> {
  const row = await db.selectFrom("events").select("id").where("lead_id", "=", leadId).where("type", "in", [...types]).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** A lead's latest event of one type, if any. */
export async function findLatestLeadEvent(db: Executor, leadId: string, type: LeadEventType): Promise<LeadEvent | undefined> {
  const row = await db.selectFrom("events").selectAll().where("lead_id", "=", leadId).where("type", "=", type).orderBy("id", "desc").limit(1).executeTakeFirst();
  return row && rowToEvent(row);
}
