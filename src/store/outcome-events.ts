import type { OutcomeEvent, TimeRange } from "../domain/metrics/outcome-reasons.js";
import { type Executor, fromJsonColumn } from "./engine.js";

const CLOSING_REASON_TYPES = ["disqualified", "lost"];

/**
 * Events of the given types in a range (`from` ≤ at < `to`), oldest first, for leads that were
 * disqualified or lost in that range: other leads cannot appear in a reasons report, so their
 * stage moves are never read. Both filters use the `(type, at)` index.
 */
export async function listOutcomeEvents(db: Executor, range: TimeRange, types: readonly string[]): Promise<OutcomeEvent[]> {
  const closedLeads = db
    .selectFrom("events")
    .select("lead_id")
    .where("type", "in", CLOSING_REASON_TYPES)
    .where("at", ">=", range.from)
    .where("at", "<", range.to)
    .where("lead_id", "is not", null);
  const rows = await db
    .selectFrom("events")
    .select(["id", "lead_id", "type", "at", "data"])
    .where("type", "in", [...types])
    .where("at", ">=", range.from)
    .where("at", "<", range.to)
    .where("lead_id", "in", closedLeads)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ id: row.id, leadId: row.lead_id!, type: row.type, at: row.at, data: fromJsonColumn<Record<string, unknown>>(row.data) }));
}
