import type { Objection, ResponseVersion } from "../domain/objections/objection.js";
import type { Executor } from "./engine.js";
import type { ObjectionResponseVersionTable, ObjectionTable } from "./schema.js";

function objectionRowToObjection(row: ObjectionTable): Objection {
  return { id: row.id, name: row.name, category: row.category, isActive: row.is_active === 1, createdAt: row.created_at };
}

function versionRowToVersion(row: ObjectionResponseVersionTable): ResponseVersion {
  return { id: row.id, objectionId: row.objection_id, responseId: row.response_id, version: row.version, text: row.text, createdAt: row.created_at };
}

/** Every objection, by name. */
export async function listObjections(db: Executor): Promise<Objection[]> {
  const rows = await db.selectFrom("objections").selectAll().orderBy("name").orderBy("id").execute();
  return rows.map(objectionRowToObjection);
}

/** One objection by id. */
export async function findObjection(db: Executor, id: string): Promise<Objection | undefined> {
  const row = await db.selectFrom("objections").selectAll().where("id", "=", id).executeTakeFirst();
  return row && objectionRowToObjection(row);
}

/** Inserts or replaces an objection. */
export async function saveObjection(db: Executor, objection: Objection, now: number): Promise<void> {
  const row = { name: objection.name, category: objection.category, is_active: objection.isActive ? 1 : 0, updated_at: now };
  await db
    .insertInto("objections")
    .values({ id: objection.id, ...row, created_at: objection.createdAt })
    .onConflict((oc) => oc.column("id").doUpdateSet(row))
    .execute();
}

/** Response versions of the given objections (all objections when omitted), oldest first. */
export async function listResponseVersions(db: Executor, objectionIds?: string[]): Promise<ResponseVersion[]> {
  if (objectionIds?.length === 0) return [];
  let query = db.selectFrom("objection_response_versions").selectAll();
  if (objectionIds) query = query.where("objection_id", "in", objectionIds);
  const rows = await query.orderBy("created_at").orderBy("version").orderBy("id").execute();
  return rows.map(versionRowToVersion);
}

/** One response version by id. */
export async function findResponseVersion(db: Executor, id: string): Promise<ResponseVersion | undefined> {
  const row = await db.selectFrom("objection_response_versions").selectAll().where("id", "=", id).executeTakeFirst();
  return row && versionRowToVersion(row);
}

/** Adds a response version. Versions are never updated: a new wording is a new row. */
export async function insertResponseVersion(db: Executor, version: ResponseVersion): Promise<void> {
  await db
    .insertInto("objection_response_versions")
    .values({ id: version.id, objection_id: version.objectionId, response_id: version.responseId, version: version.version, text: version.text, created_at: version.createdAt })
    .execute();
}
