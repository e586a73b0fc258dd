import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGINES, REFERENCE_TIME } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";

/** Rows a capture writes; the preview must leave every count, and every cursor, as it was. */
const WRITTEN_TABLES = ["leads", "events", "routing_cursors", "lead_sla", "timers", "outbox", "lead_match_keys"] as const;

describe.each(ENGINES)("routing preview on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await t.ctx.db.deleteFrom("routing_cursors").execute();
    await t.ctx.db.deleteFrom("routing_rules").execute();
    await t.ctx.db.deleteFrom("out_of_office").execute();
  });

  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, caller: "manager" | "rep" | "admin" = "manager") =>
    t.app.inject({ method, url, headers: t.as[caller].headers, ...(payload ? { payload } : {}) });
  const preview = async (lead: object) => {
    const response = await call("POST", "/api/v1/routing/preview", { lead });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const addRule = async (body: object) => (await call("POST", "/api/v1/routing/rules", body)).json();
  const pool = () => ({ userIds: [t.as.rep.userId, t.as.otherRep.userId], strategy: "round_robin" });

  /** Row counts of every table capture writes, plus the cursors themselves. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const counts: Record<string, unknown> = {};
    for (const table of WRITTEN_TABLES) {
      const row = await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
      counts[table] = Number(row.count);
    }
    counts.cursors = await t.ctx.db.selectFrom("routing_cursors").select(["pool_key", "cursor", "updated_at"]).orderBy("pool_key").execute();
    return counts;
  }

  it("shows the owner a real capture then gets, and writes nothing", async () => {
    const rule = await addRule({ name: "Everyone", conditions: [], target: pool() });
    for (const [i, expected] of [t.as.rep.userId, t.as.otherRep.userId, t.as.rep.userId].entries()) {
      const before = await snapshot();
      const first = await preview({ email: `preview-${i}@lead.example` });
      const again = await preview({ email: `preview-${i}@lead.example` });
      expect(await snapshot()).toEqual(before);
      expect(again).toEqual(first);
      expect(first).toMatchObject({ matchedRule: { id: rule.id, name: "Everyone" }, owner: { id: expected }, strategy: "round_robin", reason: expect.stringContaining("rule 'Everyone' → round robin") });
      const captured = await call("POST", "/api/v1/leads", { email: `preview-${i}@lead.example` });
      const lead = (await call("GET", `/api/v1/leads/${captured.json().id}`)).json().lead;
      expect(lead.ownerId).toBe(expected);
      expect(lead.sla.dueAt).toBe(first.dueAt);
    }
  });

  it("names the matched rule, its SLA policy and the deadline it would start", async () => {
    const hot = (await call("POST", "/api/v1/sla-policies", { name: "Hot: 5 wall minutes", targetMinutes: 5, clock: "wall" })).json();
    await addRule({ name: "Germany", conditions: [{ field: "country", operator: "equals", value: "de" }, { field: "custom.seats", operator: "gte", value: 50 }], target: pool(), slaPolicyId: hot.id });
    const matched = await preview({ email: "grosse@firma.example", country: "DE", seats: 120 });
    expect(matched).toMatchObject({ matchedRule: { name: "Germany" }, slaPolicy: { id: hot.id, name: "Hot: 5 wall minutes", targetMinutes: 5, clock: "wall" } });
    expect(matched.dueAt).toBe(new Date(t.ctx.clock.now() + 5 * 60_000).toISOString());

    const small = await preview({ email: "klein@firma.example", country: "DE", seats: 3 });
    expect(small).toEqual({
      matchedRule: null,
      owner: null,
      strategy: null,
      reason: "no rule matched → unassigned",
      slaPolicy: { id: "sla_standard", name: "Standard: 1 business hour", targetMinutes: 60, clock: "business" },
      dueAt: new Date(t.ctx.clock.now() + 60 * 60_000).toISOString(),
    });
  });

  it("skips people who are out of office, and says so", async () => {
    expect(t.ctx.clock.now()).toBe(REFERENCE_TIME);
    await addRule({ name: "Everyone", conditions: [], target: pool() });
    const away = await call("POST", `/api/v1/users/${t.as.rep.userId}/out-of-office`, { startsAt: new Date(REFERENCE_TIME - 60_000).toISOString(), endsAt: new Date(REFERENCE_TIME + 86_400_000).toISOString() }, "rep");
    expect(away.statusCode).toBe(201);
    expect(await preview({ email: "away@lead.example" })).toMatchObject({ owner: { id: t.as.otherRep.userId }, reason: expect.stringContaining("skipped Rita Rep: out of office") });
  });

  it("falls back to the workspace's fallback pool when no rule matches", async () => {
    const changed = await call("PATCH", "/api/v1/settings", { fallbackPool: { userIds: [t.as.manager.userId], strategy: "least_loaded" } }, "admin");
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      expect(await preview({ email: "nobody@lead.example" })).toMatchObject({ matchedRule: null, owner: { id: t.as.manager.userId, name: "Max Manager" }, strategy: "least_loaded", reason: expect.stringContaining("fallback pool") });
    } finally {
      await call("PATCH", "/api/v1/settings", { fallbackPool: null }, "admin");
    }
  });

  it.each([
    [{ lead: { name: "No Contact" } }, "lead.email", "email or a phone"],
    [{ lead: { email: "not-an-email" } }, "lead.email", "email address"],
    [{ lead: { phone: "12" } }, "lead.phone", "phone number"],
    [{}, "lead", ""],
    [{ lead: { email: "a@b.example" }, dryRun: true }, "dryRun", "not a known field"],
  ])("validates %j like capture does, naming %s", async (payload, field, words) => {
    const before = await snapshot();
    const response = await call("POST", "/api/v1/routing/preview", payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field, detail: expect.stringContaining(words) });
    expect(await snapshot()).toEqual(before);
  });

  it("is for managers and admins", async () => {
    expect((await call("POST", "/api/v1/routing/preview", { lead: { email: "rep@lead.example" } }, "rep")).statusCode).toBe(403);
  });
});
