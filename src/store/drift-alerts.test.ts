import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DriftAlert } from "../domain/scoring/drift.js";
import { ENGINES, openTestDatabase, type TestDatabase } from "../../test/support/engines.js";
import { insertDriftAlertIfAbsent, listDriftAlerts } from "./drift-alerts.js";

const alert = (subject: string, month: string): DriftAlert => ({
  key: `bucket_close_rate:${subject}:${month}`,
  kind: "bucket_close_rate",
  subject,
  month,
  message: `${subject} moved in ${month}`,
  numbers: { closed: 40, rate: 0.125 },
});

describe.each(ENGINES)("drift alerts on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  it("records an alert once by its key and lists them newest first", async () => {
    expect(await insertDriftAlertIfAbsent(database.db, alert("hot", "2026-09"), 1000)).toBe(true);
    expect(await insertDriftAlertIfAbsent(database.db, alert("cold", "2026-10"), 2000)).toBe(true);
    expect(await insertDriftAlertIfAbsent(database.db, { ...alert("hot", "2026-09"), message: "again" }, 3000)).toBe(false);
    expect(await listDriftAlerts(database.db, 10)).toEqual([
      { ...alert("cold", "2026-10"), detectedAt: 2000 },
      { ...alert("hot", "2026-09"), detectedAt: 1000 },
    ]);
    expect(await listDriftAlerts(database.db, 1)).toHaveLength(1);
  });
});
