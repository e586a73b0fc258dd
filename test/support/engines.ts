import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import pino from "pino";
import { type ManualClock, manualClock } from "../../src/clock.js";
import { sequentialIds } from "../../src/ids.js";
import type { ServiceContext } from "../../src/services/context.js";
import { createDatabase } from "../../src/store/database.js";
import type { EngineName } from "../../src/store/engine.js";
import { migrateToLatest } from "../../src/store/migrate.js";
import type { Database } from "../../src/store/schema.js";

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const ENGINES: EngineName[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

/** 2026-03-02 09:00 UTC, a Monday: the instant tests start from unless they say otherwise. */
export const REFERENCE_TIME = Date.UTC(2026, 2, 2, 9, 0, 0);

export type TestDatabase = {
  db: Kysely<Database>;
  engine: EngineName;
  /** How another process opens the same database: the SQLite file, or a PostgreSQL URL whose search_path is this schema. */
  location: string;
  destroy(): Promise<void>;
};

/**
 * A fresh, migrated database. SQLite: a new in-memory database. PostgreSQL: a new schema in
 * TEST_DATABASE_URL, dropped on destroy, so test files never see each other's rows.
 */
export async function openTestDatabase(engine: EngineName, options: { poolSize?: number; sqliteFile?: string } = {}): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const location = options.sqliteFile ?? ":memory:";
    const db = createDatabase({ sqliteFile: location });
    await migrateToLatest(db);
    return { db, engine, location, destroy: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = createDatabase({ databaseUrl: url, postgresSchema: schema, poolSize: options.poolSize ?? 10 });
  await migrateToLatest(db);
  const location = new URL(url);
  location.searchParams.set("options", `-c search_path=${schema}`);
  return {
    db,
    engine,
    location: location.href,
    destroy: async () => {
      await db.destroy();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/** One id sequence per test process, so contexts over the same database never collide. */
const testIds = sequentialIds();

export type TestContext = ServiceContext & { clock: ManualClock };

/** A service context over a test database with a manual clock and sequential ids. */
export function testContext(db: Kysely<Database>, at: number = REFERENCE_TIME): TestContext {
  return { db, clock: manualClock(at), ids: testIds, log: pino({ level: "silent" }), defaultPhoneRegion: "US", publicUrl: "http://localhost:4400" };
}
