import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { workspaceEvents } from "../../../../test/support/workspace-events.js";

const STANDARD = {
  id: "sla_standard",
  name: "Standard: 1 business hour",
  targetMinutes: 60,
  warningShare: 0.5,
  clock: "business",
  isAutomatedResponseEnough: false,
  escalation: [
    { action: "notify_owner", afterBreachMinutes: 0 },
    { action: "reassign", afterBreachMinutes: 15 },
    { action: "notify_manager", afterBreachMinutes: 30 },
  ],
  isDefault: true,
};

describe.each(ENGINES)("SLA policies API on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object, caller: "manager" | "rep" | "admin" = "manager") =>
    t.app.inject({ method, url, headers: t.as[caller].headers, ...(payload ? { payload } : {}) });
  const policies = async () => (await call("GET", "/api/v1/sla-policies")).json().items as { id: string; isDefault: boolean }[];

  it("lists the standard policy every workspace starts with", async () => {
    expect(await policies()).toEqual([STANDARD]);
  });

  it("creates a policy with defaults for what it leaves out, and records who did", async () => {
    const created = await call("POST", "/api/v1/sla-policies", { name: "Warm: 1 hour", targetMinutes: 60 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...STANDARD, id: expect.any(String), name: "Warm: 1 hour", isDefault: false });
    const saved = (await workspaceEvents(t.ctx.db, "sla_policy_saved")).filter((e) => e.data.policyId === created.json().id);
    expect(saved).toEqual([expect.objectContaining({ actor: `user:${t.as.manager.userId}`, data: expect.objectContaining({ isNew: true, name: "Warm: 1 hour" }) })]);
  });

  it("changes a policy, and a new default takes over from the old one", async () => {
    const hot = (await call("POST", "/api/v1/sla-policies", { name: "Hot", targetMinutes: 5, clock: "wall", warningShare: 0, escalation: [{ action: "reassign", afterBreachMinutes: 0 }] })).json();
    const changed = await call("PATCH", `/api/v1/sla-policies/${hot.id}`, { targetMinutes: 10, isAutomatedResponseEnough: true, isDefault: true });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ ...hot, targetMinutes: 10, isAutomatedResponseEnough: true, isDefault: true });
    expect((await policies()).filter((policy) => policy.isDefault).map((policy) => policy.id)).toEqual([hot.id]);
    const last = (await workspaceEvents(t.ctx.db, "sla_policy_saved")).at(-1)!;
    expect(last.data).toMatchObject({ policyId: hot.id, isNew: false, changed: { targetMinutes: { from: 5, to: 10 }, isDefault: { from: false, to: true } } });

    const switchedOff = await call("PATCH", `/api/v1/sla-policies/${hot.id}`, { isDefault: false });
    expect(switchedOff.statusCode).toBe(409);
    expect(switchedOff.json()).toMatchObject({ code: "conflict", field: "isDefault" });
    await call("PATCH", "/api/v1/sla-policies/sla_standard", { isDefault: true });
    expect((await policies()).filter((policy) => policy.isDefault).map((policy) => policy.id)).toEqual(["sla_standard"]);
  });

  it.each([
    [{ targetMinutes: 0 }, "targetMinutes"],
    [{ targetMinutes: 43_201 }, "targetMinutes"],
    [{ targetMinutes: 1.5 }, "targetMinutes"],
    [{ warningShare: 1 }, "warningShare"],
    [{ warningShare: -0.1 }, "warningShare"],
    [{ clock: "lunar" }, "clock"],
    [{ escalation: [{ action: "call_the_ceo", afterBreachMinutes: 0 }] }, "escalation.0.action"],
    [{ escalation: [{ action: "notify_owner", afterBreachMinutes: -1 }] }, "escalation.0.afterBreachMinutes"],
    [{ escalation: [{ action: "notify_owner", afterBreachMinutes: 30 }, { action: "reassign", afterBreachMinutes: 10 }] }, "escalation.1.afterBreachMinutes"],
    [{ name: " " }, "name"],
    [{ hours: 1 }, "hours"],
  ])("refuses %j with a problem naming %s, on create and on change", async (override, field) => {
    const created = await call("POST", "/api/v1/sla-policies", { name: "Bad", targetMinutes: 30, ...override });
    expect(created.statusCode).toBe(400);
    expect(created.headers["content-type"]).toContain("application/problem+json");
    expect(created.json()).toMatchObject({ code: "invalid", field });
    const changed = await call("PATCH", "/api/v1/sla-policies/sla_standard", override);
    expect(changed.statusCode).toBe(400);
    expect(changed.json()).toMatchObject({ code: "invalid", field });
  });

  it("answers 404 naming id for an unknown policy, and 400 for an empty change", async () => {
    expect((await call("PATCH", "/api/v1/sla-policies/sla_nope", { targetMinutes: 5 })).json()).toMatchObject({ code: "not_found", field: "id" });
    expect((await call("PATCH", "/api/v1/sla-policies/sla_standard", {})).statusCode).toBe(400);
  });

  it("is for managers and admins: a rep gets 403", async () => {
    expect((await call("GET", "/api/v1/sla-policies", undefined, "rep")).statusCode).toBe(403);
    expect((await call("POST", "/api/v1/sla-policies", { name: "Mine", targetMinutes: 5 }, "rep")).statusCode).toBe(403);
    expect((await call("PATCH", "/api/v1/sla-policies/sla_standard", { targetMinutes: 5 }, "rep")).statusCode).toBe(403);
    expect((await call("GET", "/api/v1/sla-policies", undefined, "admin")).statusCode).toBe(200);
  });
});
