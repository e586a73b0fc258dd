import { type Executor, fromJsonColumn, toJsonColumn } from "./engine.js";

export type StoredResponse = { requestHash: string; statusCode: number; response: Record<string, unknown> };

/** The response remembered for an idempotency key, if any. */
export async function findIdempotentResponse(db: Executor, key: string): Promise<StoredResponse | undefined> {
  const row = await db.selectFrom("idempotency_keys").selectAll().where("key", "=", key).executeTakeFirst();
  return row && { requestHash: row.request_hash, statusCode: row.status_code, response: fromJsonColumn(row.response) };
}

/** Remembers the response to an idempotent request, in the same transaction that did the work. */
export async function saveIdempotentResponse(db: Executor, key: string, stored: StoredResponse, at: number): Promise<void> {
  await db
    .insertInto("idempotency_keys")
    .values({ key, request_hash: stored.requestHash, status_code: stored.statusCode, response: toJsonColumn(stored.response), created_at: at })
    .execute();
}
