import type { Executor } from "./engine.js";

/** A period someone is away and gets no new leads. */
export type OutOfOffice = { id: string; userId: string; startsAt: number; endsAt: number; note: string | null };

/** Records an absence. */
export async function insertOutOfOffice(db: Executor, period: OutOfOffice, now: number): Promise<void> {
  await db
    .insertInto("out_of_office")
    .values({ id: period.id, user_id: period.userId, starts_at: period.startsAt, ends_at: period.endsAt, note: period.note, created_at: now })
    .execute();
}

/** A person's absences that have not ended by `now`, soonest first. */
export async function listOutOfOffice(db: Executor, userId: string, now: number): Promise<OutOfOffice[]> {
  const rows = await db.selectFrom("out_of_office").selectAll().where("user_id", "=", userId).where("ends_at", ">", now).orderBy("starts_at").execute();
  return rows.map((row) => ({ id: row.id, userId: row.user_id, startsAt: row.starts_at, endsAt: row.ends_at, note: row.note }));
}

/** Removes an absence; returns whether it existed. */
export async function deleteOutOfOffice(db: Executor, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("out_of_office").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
