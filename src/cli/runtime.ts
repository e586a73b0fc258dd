import path from "node:path";
import pino, { type Logger } from "pino";
import { systemClock } from "../clock.js";
import { type Config, ConfigError, parseConfig } from "../config.js";
import { timeOrderedIds } from "../ids.js";
import type { ServiceContext } from "../services/context.js";
import { createDatabase } from "../store/database.js";
import { migrateToLatest } from "../store/migrate.js";

/** An open database with migrations applied, a service context and the config. */
export type Runtime = { config: Config; ctx: ServiceContext; close(): Promise<void> };

/** Parses config (printing every problem and exiting 1 when invalid), opens and migrates the database. */
export async function openRuntime(options: { log?: Logger } = {}): Promise<Runtime> {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const log = options.log ?? pino({ level: config.logLevel });
  const db = createDatabase({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, "closeloop.db") });
  const applied = await migrateToLatest(db);
  if (applied.length > 0) log.info({ migrations: applied }, "database migrated");
  const ctx: ServiceContext = { db, clock: systemClock, ids: timeOrderedIds, log, defaultPhoneRegion: config.defaultPhoneRegion, publicUrl: config.publicUrl };
  return { config, ctx, close: () => db.destroy() };
}

/** Runs a CLI action with a runtime, closing it afterwards; domain errors print as one line and exit 1. */
export async function withRuntime(action: (runtime: Runtime) => Promise<void>, options: { log?: Logger } = {}): Promise<void> {
  const runtime = await openRuntime(options);
  try {
    await action(runtime);
  } finally {
    await runtime.close();
  }
}

/** A logger for CLI commands that print their own output: warnings and errors only. */
export function quietLog(): Logger {
  return pino({ level: "warn" });
}
