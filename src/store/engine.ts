import { type Kysely, PostgresAdapter, type RawBuilder, type SelectQueryBuilder, sql, type Transaction } from "kysely";
import type { Database } from "./schema.js";

/** Anything queries can run on: the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type EngineName = "sqlite" | "postgres";

/** Which engine an executor talks to; only this file and migrations may ask. */
export function engineOf(db: Kysely<unknown> | Executor): EngineName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * JSON columns: jsonb on PostgreSQL, text on SQLite. Writes pass a JSON string on both (pg
 * casts it to jsonb). Reads differ: pg returns parsed values, SQLite returns the text. Only
 * objects and arrays are stored, so a string read back is always the SQLite text form.
 */
export function toJsonColumn(value: object): string {
  return JSON.stringify(value);
}

/** Reads a JSON column written by `toJsonColumn` on either engine. */
export function fromJsonColumn<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** Column type for JSON in migrations. */
export function jsonColumnType(engine: EngineName): "jsonb" | "text" {
  return engine === "postgres" ? "jsonb" : "text";
}

/**
 * Case-insensitive substring match on a column stored lower-cased. SQLite's LIKE has no escape
 * character unless one is declared, PostgreSQL's defaults to backslash: declaring `ESCAPE '\\'`
 * makes `%` and `_` in the needle literal on both.
 */
export function containsText(column: string, needle: string): RawBuilder<boolean> {
  const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/**
 * A column compared so that SQLite cannot use an index on it. Without table statistics SQLite
 * may pick the events' (type, at) index for `lead_id in (…) and type in (…)` and read every
 * such event in the workspace per batch instead of the leads' own through (lead_id, id), so a
 * pass over many leads grows with the square of the history. PostgreSQL plans it the same.
 */
export function withoutIndex(column: string): RawBuilder<string> {
  return sql<string>`${sql.ref(column)} || ''`;
}

/** Ids per `in (…)` list: far under SQLite's bound-parameter limit, and a plan PostgreSQL keeps on its index. */
export const IDS_PER_QUERY = 500;

/** `ids` in lists of at most `IDS_PER_QUERY`, for set-based reads of any number of rows. */
export function idChunks<T>(ids: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) chunks.push(ids.slice(start, start + IDS_PER_QUERY));
  return chunks;
}

/**
 * Row locks for read-modify-write. PostgreSQL needs `FOR UPDATE` so concurrent transactions
 * queue on the row; SQLite has a single writer (the whole transaction is the lock) and has no
 * such syntax.
 */
export function supportsRowLocks(db: Executor): boolean {
  return engineOf(db) === "postgres";
}

/**
 * Claiming due rows when several workers share one database. PostgreSQL: `FOR UPDATE SKIP
 * LOCKED` makes each worker take rows no other transaction holds, without waiting on them.
 * SQLite has one writer (the claiming UPDATE runs alone, so nobody else can take the same rows)
 * and no such syntax.
 */
export function skipLockedRows<DB, TB extends keyof DB, O>(db: Executor, query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return engineOf(db) === "postgres" ? query.forUpdate().skipLocked() : query;
}

/** The PostgreSQL NOTIFY channel that wakes worker processes when timers or messages are written. */
export const WORK_NOTIFY_CHANNEL = "closeloop_work";

/**
 * Tells worker processes that new work was written. PostgreSQL delivers a `pg_notify` issued
 * inside a transaction at commit (and drops it on rollback), so listeners never look before
 * the rows are visible; identical notifications in one transaction are sent once. SQLite has
 * no other processes to tell: its worker runs in the writing process (see `work-signal.ts`).
 */
export async function signalNewWork(db: Executor): Promise<void> {
  if (engineOf(db) === "postgres") await sql`select pg_notify(${WORK_NOTIFY_CHANNEL}, '')`.execute(db);
}
