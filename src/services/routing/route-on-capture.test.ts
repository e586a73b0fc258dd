import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoutingStrategy } from "../../domain/routing/routing-rule.js";
import { insertOutOfOffice } from "../../store/out-of-office.js";
import { saveRoutingProfile } from "../../store/routing-profiles.js";
import { deleteRoutingRule, saveRoutingRule } from "../../store/routing-rules.js";
import { insertUsers } from "../../store/users.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase, testContext } from "../../../test/support/engines.js";
import { buildPerson } from "../../../test/support/factories.js";
import { captureLeads } from "../capture-leads.js";

const REPS = ["ana", "ben", "cai", "dee", "eli", "fay", "gus"];
const UNAVAILABLE = ["inactive", "away", "full"];
const FULL_CAPACITY = 50;

describe.each(ENGINES)("routing on capture (%s)", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine, { poolSize: 12 });
    await insertUsers(database.db, [...REPS, ...UNAVAILABLE].map((id) => buildPerson(id, { email: `${id}@route.test`, isActive: id !== "inactive" })));
    for (const [i, id] of REPS.entries()) await saveRoutingProfile(database.db, { userId: id, workingHours: null, capacity: null, routingWeight: i + 1, backupUserId: null, managerId: null }, 0);
    await saveRoutingProfile(database.db, { userId: "full", workingHours: null, capacity: FULL_CAPACITY, routingWeight: 1, backupUserId: null, managerId: null }, 0);
    await insertOutOfOffice(database.db, { id: "ooo_1", userId: "away", startsAt: 0, endsAt: REFERENCE_TIME * 2, note: "holiday" }, 0);
  });
  afterAll(() => database.destroy());

  /** Captures `count` leads from `parallel` concurrent callers, each committing batches of 25. */
  async function captureConcurrently(prefix: string, count: number, parallel: number): Promise<Map<string, number>> {
    const ctx = testContext(database.db);
    const perCaller = Math.ceil(count / parallel);
    await Promise.all(
      Array.from({ length: parallel }, async (_, caller) => {
        for (let start = 0; start < perCaller; start += 25) {
          const batch = Array.from({ length: Math.min(25, perCaller - start) }, (_, i) => ({ payload: { email: `${prefix}-${caller}-${start + i}@leads.test` }, actor: "test" }));
          await captureLeads(ctx, batch);
        }
      }),
    );
    const rows = await database.db
      .selectFrom("leads")
      .select(["owner_id", (eb) => eb.fn.countAll<number>().as("count")])
      .where("email", "like", `${prefix}-%`)
      .groupBy("owner_id")
      .execute();
    return new Map(rows.map((row) => [row.owner_id ?? "none", Number(row.count)]));
  }

  async function useRule(strategy: RoutingStrategy): Promise<void> {
    await database.db.deleteFrom("routing_rules").execute();
    await deleteRoutingRule(database.db, "rule_all");
    await saveRoutingRule(database.db, { id: "rule_all", name: "Everyone", position: 1, conditions: [], target: { userIds: [...REPS, ...UNAVAILABLE], strategy }, slaPolicyId: null, sequenceId: null, isActive: true }, 0);
  }

  it("spreads 10,000 concurrent captures by round robin with counts differing by at most 1, skipping the unavailable", async () => {
    await useRule("round_robin");
    // "full" takes leads until it reaches capacity, then is skipped: include it by starting it empty.
    const counts = await captureConcurrently("rr", 10_000, 8);
    expect(counts.get("inactive")).toBeUndefined();
    expect(counts.get("away")).toBeUndefined();
    expect(counts.get("full")).toBe(FULL_CAPACITY);
    const repCounts = REPS.map((rep) => counts.get(rep) ?? 0);
    expect(repCounts.reduce((a, b) => a + b) + FULL_CAPACITY).toBe(10_000);
    expect(Math.max(...repCounts) - Math.min(...repCounts)).toBeLessThanOrEqual(1);
  }, 120_000);

  it("gives weighted round robin shares within 1% of the weights under concurrent capture", async () => {
    await useRule("weighted_round_robin");
    const counts = await captureConcurrently("wrr", 10_000, 8);
    expect(counts.get("full")).toBeUndefined(); // already at capacity from the previous test
    const totalWeight = REPS.reduce((sum, _, i) => sum + i + 1, 0);
    for (const [i, rep] of REPS.entries()) expect(Math.abs((counts.get(rep) ?? 0) / 10_000 - (i + 1) / totalWeight)).toBeLessThan(0.01);
  }, 120_000);
});
