import type { ApiKeyScope } from "../domain/access/permission.js";
import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";
import type { Selectable } from "kysely";
import type { ApiKeyTable } from "./schema.js";

/** An API key as the workspace knows it; the key itself is never stored, only its hash. */
export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string | null;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
};

function apiKeyRowToApiKey(row: Selectable<ApiKeyTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: fromJsonColumn<ApiKeyScope[]>(row.scopes),
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** Inserts a key with the hash of its secret. */
export async function insertApiKey(db: Executor, key: ApiKey, keyHash: string): Promise<void> {
  await db
    .insertInto("api_keys")
    .values({
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      key_hash: keyHash,
      scopes: toJsonColumn(key.scopes),
      created_by: key.createdBy,
      created_at: key.createdAt,
      revoked_at: key.revokedAt,
      last_used_at: key.lastUsedAt,
    })
    .execute();
}

/** The key whose secret hashes to `keyHash`, revoked or not. */
export async function findApiKeyByHash(db: Executor, keyHash: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom("api_keys").selectAll().where("key_hash", "=", keyHash).executeTakeFirst();
  return row && apiKeyRowToApiKey(row);
}

/** Finds a key by id. */
export async function findApiKeyById(db: Executor, id: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom("api_keys").selectAll().where("id", "=", id).executeTakeFirst();
  return row && apiKeyRowToApiKey(row);
}

/** Every key, newest first, revoked ones included (they stay listed for the audit trail). */
export async function listApiKeys(db: Executor): Promise<ApiKey[]> {
  const rows = await db.selectFrom("api_keys").selectAll().orderBy("created_at", "desc").orderBy("id", "desc").execute();
  return rows.map(apiKeyRowToApiKey);
}

/** Marks a key revoked; false when it does not exist or was already revoked. */
export async function revokeApiKeyById(db: Executor, id: string, at: number): Promise<boolean> {
  const result = await db.updateTable("api_keys").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Records use of a key unless it was recorded less than `minIntervalMs` ago. The condition is in
 * the UPDATE so concurrent requests on a hot capture path write at most once per interval.
 */
export async function recordApiKeyUse(db: Executor, id: string, at: number, minIntervalMs: number): Promise<void> {
  await db
    .updateTable("api_keys")
    .set({ last_used_at: at })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<=", at - minIntervalMs)]))
    .execute();
}
