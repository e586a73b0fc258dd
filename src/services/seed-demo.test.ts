import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLeadEvents } from "../store/events.js";
import { countLeads, findLeadById, listLeads } from "../store/leads.js";
import { countUsers, findUserCredentialsByEmail, insertUsers } from "../store/users.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestDatabase, testContext } from "../../test/support/engines.js";
import { verifyPassword } from "./passwords.js";
import { DEMO_PASSWORD, type DemoSummary, seedDemo } from "./seed-demo.js";

const firstAdmin = { id: "user_admin", email: "admin@example.com", name: "Admin", role: "admin" as const, timezone: "UTC", isActive: true, createdAt: REFERENCE_TIME };

describe.each(ENGINES)("seedDemo on %s", (engine) => {
  let database: TestDatabase;
  let summary: DemoSummary;
  let refusalWithAdmin: unknown;
  beforeAll(async () => {
    // One database per engine: a second migrated PostgreSQL schema in the same process trips
    // Kysely's migrator, which looks for its tables in every schema.
    database = await openTestDatabase(engine);
    await insertUsers(database.db, [{ user: firstAdmin, passwordHash: null }]);
    refusalWithAdmin = await seedDemo(testContext(database.db), { seed: 1, days: 5, leadsPerDay: 5 }).catch((error: unknown) => error);
    await database.db.deleteFrom("users").execute();
    summary = await seedDemo(testContext(database.db), { seed: 3, days: 30, leadsPerDay: 20 });
  });
  afterAll(() => database.destroy());

  it("refuses a workspace that already has its first admin, writing nothing", () => {
    expect(refusalWithAdmin).toMatchObject({ code: "conflict", details: { users: 1, leads: 0 } });
  });

  it("writes the team with the shared demo password and returns their logins", async () => {
    expect(await countUsers(database.db)).toBe(9);
    expect(summary.users.map((u) => u.email)).toContain("ana@demo.closeloop.test");
    expect(summary.password).toBe(DEMO_PASSWORD);
    const credentials = await findUserCredentialsByEmail(database.db, "maria@demo.closeloop.test");
    expect(credentials?.user).toMatchObject({ name: "Maria Rossi", role: "manager", isActive: true });
    expect(await verifyPassword(credentials!.passwordHash!, DEMO_PASSWORD)).toBe(true);
  });

  it("writes the period's leads with owners, stages and their match keys", async () => {
    expect(summary.leadCount).toBeGreaterThan(30 * 20 * 0.8);
    expect(await countLeads(database.db)).toBe(summary.leadCount);
    expect(summary.endAt).toBe(REFERENCE_TIME);
    expect(summary.startAt).toBe(REFERENCE_TIME - 30 * 86_400_000);
    const { won, lost, disqualified, open } = summary.outcomes;
    expect(won + lost + disqualified + open).toBe(summary.leadCount);
    const keys = await database.db.selectFrom("lead_match_keys").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    const leads = await listLeads(database.db, {}, "created_asc", 10_000, undefined);
    expect(Number(keys.count)).toBe(leads.filter((l) => l.email).length + leads.filter((l) => l.phone).length);
    expect(leads.every((l) => l.ownerId !== null && l.createdAt >= summary.startAt && l.createdAt < summary.endAt)).toBe(true);
    expect(new Set(leads.map((l) => l.stage))).toContain("won");
  });

  it("records `created` and `assigned` at their historical times", async () => {
    const [first] = await listLeads(database.db, {}, "created_asc", 1, undefined);
    const lead = await findLeadById(database.db, first!.id);
    const events = await listLeadEvents(database.db, first!.id);
    expect(events.map((e) => e.type)).toEqual(["created", "assigned"]);
    expect(events[0]).toMatchObject({ actor: "demo", at: lead!.createdAt, data: { payload: { email: lead!.email, source: lead!.source } } });
    expect(events[1]!.at).toBeGreaterThanOrEqual(lead!.createdAt);
    expect(events[1]!.data).toMatchObject({ ownerId: lead!.ownerId, strategy: "round_robin", reason: expect.stringContaining("round robin: ") });
    const total = await database.db.selectFrom("events").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
    expect(Number(total.count)).toBe(summary.eventCount);
    expect(summary.eventCount).toBe(2 * summary.leadCount);
  });

  it("refuses a second run and changes nothing", async () => {
    await expect(seedDemo(testContext(database.db), { seed: 4, days: 5, leadsPerDay: 5 })).rejects.toMatchObject({
      code: "conflict",
      details: { users: 9, leads: summary.leadCount },
    });
    expect(await countLeads(database.db)).toBe(summary.leadCount);
    expect(await countUsers(database.db)).toBe(9);
  });

  it("names the option that is out of range", async () => {
    await expect(seedDemo(testContext(database.db), { seed: 1, days: 0 })).rejects.toMatchObject({ code: "invalid", field: "days" });
    await expect(seedDemo(testContext(database.db), { seed: 1.5 })).rejects.toMatchObject({ code: "invalid", field: "seed" });
    await expect(seedDemo(testContext(database.db), { seed: 1, leadsPerDay: 10_000 })).rejects.toMatchObject({ code: "invalid", field: "leadsPerDay" });
  });
});
