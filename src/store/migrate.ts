import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from "kysely";
import { engineOf } from "./engine.js";
import * as createFoundation from "./migrations/0001-create-foundation.js";
import * as createRoutingAndSla from "./migrations/0002-create-routing-and-sla.js";
import * as addOutboxSubscription from "./migrations/0003-add-outbox-subscription.js";
import * as createObjections from "./migrations/0004-create-objections.js";
import * as createPipeline from "./migrations/0005-create-pipeline.js";
import * as createSequences from "./migrations/0006-create-sequences.js";
import * as createScoring from "./migrations/0007-create-scoring.js";
import type { Database } from "./schema.js";

/** Every migration in order. Append only: never edit or reorder a shipped one. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-create-foundation": createFoundation,
  "0002-create-routing-and-sla": createRoutingAndSla,
  "0003-add-outbox-subscription": addOutboxSubscription,
  "0004-create-objections": createObjections,
  "0005-create-pipeline": createPipeline,
  "0006-create-sequences": createSequences,
  "0007-create-scoring": createScoring,
};

/**
 * On PostgreSQL, the schema the connection writes to. Without it Kysely's migrator takes a
 * migration table in *any* schema of the database for its own, so a second Closeloop (or a
 * parallel test) in another schema of the same database would skip or corrupt migrations.
 */
async function migrationTableSchema(db: Kysely<Database>): Promise<{ migrationTableSchema?: string }> {
  if (engineOf(db) !== "postgres") return {};
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0] ? { migrationTableSchema: rows[0].schema } : {};
}

/**
 * Brings the database to the latest schema. Kysely's migrator holds a lock while it runs
 * (an advisory lock on PostgreSQL), so concurrent starts are safe.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, ...(await migrationTableSchema(db)) });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
