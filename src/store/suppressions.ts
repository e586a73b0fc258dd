import type { Selectable } from "kysely";
import { containsText, type Executor } from "./engine.js";
import type { SuppressionTable } from "./schema.js";

export type Suppression = {
  /** Lower-cased address or domain. */
  value: string;
  kind: "address" | "domain";
  reason: "opted_out" | "bounced" | "manual";
  leadId: string | null;
  note: string | null;
  createdBy: string;
  createdAt: number;
};

function suppressionRowToSuppression(row: Selectable<SuppressionTable>): Suppression {
  return { value: row.value, kind: row.kind, reason: row.reason, leadId: row.lead_id, note: row.note, createdBy: row.created_by, createdAt: row.created_at };
}

/** Adds an entry; one already there stays as it was (the first reason wins). Returns whether it was new. */
export async function insertSuppression(db: Executor, suppression: Suppression): Promise<boolean> {
  const row = { value: suppression.value, kind: suppression.kind, reason: suppression.reason, lead_id: suppression.leadId, note: suppression.note, created_by: suppression.createdBy, created_at: suppression.createdAt };
  const result = await db.insertInto("suppressions").values(row).onConflict((oc) => oc.column("value").doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteSuppression(db: Executor, value: string): Promise<Suppression | undefined> {
  const row = await db.selectFrom("suppressions").selectAll().where("value", "=", value).executeTakeFirst();
  if (row) await db.deleteFrom("suppressions").where("value", "=", value).execute();
  return row && suppressionRowToSuppression(row);
}

/** The entry that blocks this address: the address itself or its domain. `address` is lower-cased. */
export async function findSuppressionOf(db: Executor, address: string): Promise<Suppression | undefined> {
  const domain = address.slice(address.lastIndexOf("@") + 1);
  const row = await db
    .selectFrom("suppressions")
    .selectAll()
    .where((eb) => eb.or([eb.and([eb("kind", "=", "address"), eb("value", "=", address)]), eb.and([eb("kind", "=", "domain"), eb("value", "=", domain)])]))
    .orderBy("kind")
    .executeTakeFirst();
  return row && suppressionRowToSuppression(row);
}

/** The list, newest first, optionally filtered by a substring of the value. */
export async function listSuppressions(db: Executor, options: { search: string | null; limit: number; offset: number }): Promise<Suppression[]> {
  let query = db.selectFrom("suppressions").selectAll().orderBy("created_at", "desc").orderBy("value").limit(options.limit).offset(options.offset);
  if (options.search) query = query.where(containsText("value", options.search));
  return (await query.execute()).map(suppressionRowToSuppression);
}
