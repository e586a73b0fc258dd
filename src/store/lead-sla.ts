import type { Executor } from "./engine.js";
import type { LeadSlaTable } from "./schema.js";

/** A lead's speed-to-lead clock as stored. */
export type LeadSla = {
  leadId: string;
  policyId: string;
  startedAt: number;
  warnAt: number;
  dueAt: number;
  firstResponseAt: number | null;
  status: LeadSlaTable["status"];
};

function rowToLeadSla(row: LeadSlaTable): LeadSla {
  return { leadId: row.lead_id, policyId: row.policy_id, startedAt: row.started_at, warnAt: row.warn_at, dueAt: row.due_at, firstResponseAt: row.first_response_at, status: row.status };
}

/** Rows per multi-row upsert: 8 columns × 500 stays far under SQLite's bound-parameter limit. */
const UPSERT_CHUNK_ROWS = 500;

/** Starts or updates clocks, in multi-row upserts (a batch capture starts hundreds at once). */
export async function saveLeadSlas(db: Executor, clocks: LeadSla[], now: number): Promise<void> {
  for (let start = 0; start < clocks.length; start += UPSERT_CHUNK_ROWS) {
    const rows = clocks.slice(start, start + UPSERT_CHUNK_ROWS).map((clock) => ({
      lead_id: clock.leadId,
      policy_id: clock.policyId,
      started_at: clock.startedAt,
      warn_at: clock.warnAt,
      due_at: clock.dueAt,
      first_response_at: clock.firstResponseAt,
      status: clock.status,
      updated_at: now,
    }));
    await db
      .insertInto("lead_sla")
      .values(rows)
      .onConflict((oc) =>
        oc.column("lead_id").doUpdateSet((eb) => ({
          policy_id: eb.ref("excluded.policy_id"),
          started_at: eb.ref("excluded.started_at"),
          warn_at: eb.ref("excluded.warn_at"),
          due_at: eb.ref("excluded.due_at"),
          first_response_at: eb.ref("excluded.first_response_at"),
          status: eb.ref("excluded.status"),
          updated_at: eb.ref("excluded.updated_at"),
        })),
      )
      .execute();
  }
}

/** The clock of one lead. */
export async function findLeadSla(db: Executor, leadId: string): Promise<LeadSla | undefined> {
  const row = await db.selectFrom("lead_sla").selectAll().where("lead_id", "=", leadId).executeTakeFirst();
  return row && rowToLeadSla(row);
}

/** Clocks of several leads (for lists and queues). */
export async function findLeadSlas(db: Executor, leadIds: string[]): Promise<Map<string, LeadSla>> {
  if (leadIds.length === 0) return new Map();
  const rows = await db.selectFrom("lead_sla").selectAll().where("lead_id", "in", leadIds).execute();
  return new Map(rows.map((row) => [row.lead_id, rowToLeadSla(row)]));
}
