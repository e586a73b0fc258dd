import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDatabase, type TestDatabase } from "../../test/support/engines.js";
import { migrateToLatest } from "./migrate.js";
import { DEFAULT_SETTINGS, readSettings, writeSetting } from "./settings.js";

describe.each(ENGINES)("migrations on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  it("bring a fresh database to the latest schema, and a second run does nothing", async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
    const tables = await database.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["users", "sessions", "api_keys", "leads", "lead_match_keys", "events", "timers", "outbox", "idempotency_keys", "forms", "settings"]),
    );
  });

  it("are safe to run concurrently", async () => {
    const runs = await Promise.all([migrateToLatest(database.db), migrateToLatest(database.db), migrateToLatest(database.db)]);
    expect(runs.flat()).toEqual([]);
  });

  it("store settings with defaults for those never written", async () => {
    expect(await readSettings(database.db)).toEqual(DEFAULT_SETTINGS);
    await writeSetting(database.db, "repsSeeAllLeads", true, 1);
    await writeSetting(database.db, "repsSeeAllLeads", true, 2);
    const calendar = { timezone: "Europe/Berlin", weeklyHours: { 1: [[480, 960]] as [number, number][] }, holidays: ["2026-12-24"] };
    await writeSetting(database.db, "businessCalendar", calendar, 3);
    expect(await readSettings(database.db)).toEqual({ ...DEFAULT_SETTINGS, repsSeeAllLeads: true, businessCalendar: calendar });
  });
});
