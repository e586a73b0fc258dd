import type { Kysely } from "kysely";
import { fromJsonColumn } from "../../src/store/engine.js";
import type { Database } from "../../src/store/schema.js";

/** Workspace events (no lead) of the given type, oldest first, with parsed data. */
export async function workspaceEvents(db: Kysely<Database>, type: string): Promise<{ actor: string; at: number; data: Record<string, unknown> }[]> {
  const rows = await db.selectFrom("events").select(["actor", "at", "data"]).where("lead_id", "is", null).where("type", "=", type).orderBy("id").execute();
  return rows.map((row) => ({ actor: row.actor, at: row.at, data: fromJsonColumn<Record<string, unknown>>(row.data) }));
}
