import type { PoolCursor } from "../domain/routing/pool-strategies.js";
import { type Executor, fromJsonColumn, supportsRowLocks, toJsonColumn } from "./engine.js";

/**
 * Loads pool cursors. With `isLocking` they stay locked until the transaction ends, so two
 * concurrent captures on PostgreSQL take turns on a pool instead of both giving the lead to
 * the same person (on SQLite the single writer already serialises captures). Locks are taken
 * in key order, so two transactions never wait on each other in a cycle.
 */
export async function findPoolCursors(db: Executor, poolKeys: string[], options: { isLocking: boolean }): Promise<Map<string, PoolCursor>> {
  if (poolKeys.length === 0) return new Map();
  const query = db.selectFrom("routing_cursors").select(["pool_key", "cursor"]).where("pool_key", "in", poolKeys).orderBy("pool_key");
  const rows = await (options.isLocking && supportsRowLocks(db) ? query.forUpdate() : query).execute();
  return new Map(rows.map((row) => [row.pool_key, fromJsonColumn<PoolCursor>(row.cursor)]));
}

/**
 * Creates the cursor rows that do not exist yet, so they can be locked. Inserting first (and
 * ignoring conflicts) means even the very first leads of a new pool queue on one row.
 */
export async function ensurePoolCursors(db: Executor, poolKeys: string[], now: number): Promise<void> {
  if (poolKeys.length === 0) return;
  await db
    .insertInto("routing_cursors")
    .values(poolKeys.map((pool_key) => ({ pool_key, cursor: toJsonColumn({ lastUserId: null, currentWeights: {} }), updated_at: now })))
    .onConflict((oc) => oc.column("pool_key").doNothing())
    .execute();
}

/** Stores a pool's cursor after routing. */
export async function savePoolCursor(db: Executor, poolKey: string, cursor: PoolCursor, now: number): Promise<void> {
  await db.updateTable("routing_cursors").set({ cursor: toJsonColumn(cursor), updated_at: now }).where("pool_key", "=", poolKey).execute();
}
