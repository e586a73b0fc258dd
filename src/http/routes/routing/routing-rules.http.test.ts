import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { workspaceEvents } from "../../../../test/support/workspace-events.js";
import { changeUser } from "../../../services/users/change-user.js";
import { createUser } from "../../../services/users/create-user.js";

describe.each(ENGINES)("routing rules API on %s", (engine) => {
  let t: TestApp;
  let formerRepId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    formerRepId = (await createUser(t.ctx, { email: "former@team.example", name: "Fred Former", role: "rep" }, "test")).id;
    await changeUser(t.ctx, formerRepId, { isActive: false }, "test");
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await t.ctx.db.deleteFrom("routing_cursors").execute();
    await t.ctx.db.deleteFrom("routing_rules").execute();
  });

  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object, caller: "manager" | "rep" = "manager") =>
    t.app.inject({ method, url, headers: t.as[caller].headers, ...(payload ? { payload } : {}) });
  const rule = (name: string, userIds: string[], extra: object = {}) => ({ name, conditions: [], target: { userIds, strategy: "round_robin" }, ...extra });
  const create = async (body: object) => (await call("POST", "/api/v1/routing/rules", body)).json();
  const ownerOfCapture = async (email: string) => {
    const { id } = (await call("POST", "/api/v1/leads", { email })).json();
    return (await call("GET", `/api/v1/leads/${id}`)).json().lead.ownerId;
  };

  it("creates, lists, changes and deletes a rule, recording each change with its actor", async () => {
    const created = await call("POST", "/api/v1/routing/rules", {
      name: "  Enterprise   EMEA ",
      conditions: [
        { field: "country", operator: "in", value: ["DE", "FR"] },
        { field: "custom.seats", operator: "gte", value: 50 },
        { field: "emailDomain", operator: "matches", value: "\\.(de|fr)$" },
      ],
      target: { userIds: [t.as.rep.userId, t.as.otherRep.userId], strategy: "least_loaded" },
    });
    expect(created.statusCode).toBe(201);
    const ruleDto = created.json();
    expect(ruleDto).toEqual({
      id: expect.any(String),
      name: "Enterprise EMEA",
      position: 1,
      conditions: [
        { field: "country", operator: "in", value: ["DE", "FR"] },
        { field: "custom.seats", operator: "gte", value: 50 },
        { field: "emailDomain", operator: "matches", value: "\\.(de|fr)$" },
      ],
      target: { userIds: [t.as.rep.userId, t.as.otherRep.userId], strategy: "least_loaded" },
      slaPolicyId: null,
      sequenceId: null,
      isActive: true,
    });
    expect((await call("GET", "/api/v1/routing/rules")).json()).toEqual({ items: [ruleDto] });

    const changed = await call("PATCH", `/api/v1/routing/rules/${ruleDto.id}`, { name: "EMEA", slaPolicyId: "sla_standard", isActive: false });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ ...ruleDto, name: "EMEA", slaPolicyId: "sla_standard", isActive: false });
    expect((await call("PATCH", `/api/v1/routing/rules/${ruleDto.id}`, { slaPolicyId: null })).json()).toMatchObject({ slaPolicyId: null });

    expect((await call("DELETE", `/api/v1/routing/rules/${ruleDto.id}`)).statusCode).toBe(204);
    expect((await call("GET", "/api/v1/routing/rules")).json()).toEqual({ items: [] });
    const gone = await call("PATCH", `/api/v1/routing/rules/${ruleDto.id}`, { name: "Back" });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: "not_found", field: "id" });
    expect((await call("DELETE", `/api/v1/routing/rules/${ruleDto.id}`)).json()).toMatchObject({ code: "not_found", field: "id" });

    const saved = (await workspaceEvents(t.ctx.db, "routing_rule_saved")).filter((e) => e.data.ruleId === ruleDto.id);
    expect(saved.map((e) => e.actor)).toEqual(Array(3).fill(`user:${t.as.manager.userId}`));
    expect(saved[1]!.data).toMatchObject({ isNew: false, changed: { name: { from: "Enterprise EMEA", to: "EMEA" }, isActive: { from: true, to: false } } });
    const deleted = (await workspaceEvents(t.ctx.db, "routing_rule_deleted")).filter((e) => e.data.ruleId === ruleDto.id);
    expect(deleted).toEqual([expect.objectContaining({ actor: `user:${t.as.manager.userId}`, data: expect.objectContaining({ rule: expect.objectContaining({ name: "EMEA" }) }) })]);
  });

  it("appends a rule without a position, inserts one with a position, and keeps positions 1..n", async () => {
    const first = await create(rule("First", [t.as.rep.userId]));
    const last = await create(rule("Last", [t.as.rep.userId]));
    const top = await create(rule("Top", [t.as.rep.userId], { position: 1 }));
    const names = async () => (await call("GET", "/api/v1/routing/rules")).json().items.map((r: { name: string; position: number }) => `${r.position}:${r.name}`);
    expect(await names()).toEqual(["1:Top", "2:First", "3:Last"]);
    await call("PATCH", `/api/v1/routing/rules/${top.id}`, { position: 99 });
    expect(await names()).toEqual(["1:First", "2:Last", "3:Top"]);
    await call("DELETE", `/api/v1/routing/rules/${first.id}`);
    expect(await names()).toEqual(["1:Last", "2:Top"]);
    expect(last.position).toBe(2);
  });

  it.each([
    [{ conditions: [{ field: "country", operator: "like", value: "DE" }] }, "conditions.0.operator", ""],
    [{ conditions: [{ field: "shoeSize", operator: "equals", value: "42" }] }, "conditions.0.field", "custom.<name>"],
    [{ conditions: [{ field: "custom.", operator: "equals", value: "42" }] }, "conditions.0.field", "custom.<name>"],
    [{ conditions: [{ field: "source", operator: "matches", value: "(unclosed" }] }, "conditions.0.value", "regular expression"],
    [{ conditions: [{ field: "source", operator: "in", value: "ads" }] }, "conditions.0.value", "list of strings"],
    [{ conditions: [{ field: "source", operator: "in", value: [] }] }, "conditions.0.value", "list of strings"],
    [{ conditions: [{ field: "custom.seats", operator: "gt", value: "50" }] }, "conditions.0.value", "takes a number"],
    [{ conditions: [{ field: "source", operator: "contains", value: ["a"] }] }, "conditions.0.value", "use `in`"],
    [{ conditions: [{ field: "source", operator: "contains", value: " " }] }, "conditions.0.value", "non-empty string"],
    [{ target: { userIds: [], strategy: "round_robin" } }, "target.userIds", "at least one"],
    [{ target: { userIds: ["user_nobody"], strategy: "round_robin" } }, "target.userIds.0", "no user"],
    [{ target: { userIds: ["REP", "REP"], strategy: "round_robin" } }, "target.userIds.1", "already in the pool"],
    [{ target: { userIds: ["REP", "FORMER"], strategy: "round_robin" } }, "target.userIds.1", "deactivated"],
    [{ target: { userIds: ["REP"], strategy: "random" } }, "target.strategy", ""],
    [{ target: { userIds: ["REP"] } }, "target.strategy", ""],
    [{ slaPolicyId: "sla_nope" }, "slaPolicyId", "no SLA policy"],
    [{ sequenceId: "sequence_nope" }, "sequenceId", "no live sequence"],
    [{ name: "   " }, "name", "must not be empty"],
    [{ position: 0 }, "position", ""],
    [{ priority: 1 }, "priority", "not a known field"],
  ])("refuses %j with a problem naming %s", async (override, field, words) => {
    const withIds = JSON.parse(JSON.stringify(override).replaceAll('"REP"', JSON.stringify(t.as.rep.userId)).replaceAll('"FORMER"', JSON.stringify(formerRepId)));
    const response = await call("POST", "/api/v1/routing/rules", { ...rule("Bad", [t.as.rep.userId]), ...withIds });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ code: "invalid", field, detail: expect.stringContaining(words) });
    const patch = await call("POST", "/api/v1/routing/rules", rule("Good", [t.as.rep.userId]));
    if (!("name" in withIds) && !("position" in withIds) && !("priority" in withIds)) {
      const changed = await call("PATCH", `/api/v1/routing/rules/${patch.json().id}`, withIds);
      expect(changed.json()).toMatchObject({ field });
    }
    expect((await call("GET", "/api/v1/routing/rules")).json().items.map((r: { name: string }) => r.name)).toEqual(["Good"]);
  });

  it("renames a rule whose pool has someone who has since left, and checks only a changed pool", async () => {
    const person = await createUser(t.ctx, { email: `leaver-${engine}@team.example`, name: "Lee Leaver", role: "rep" }, "test");
    const { id } = await create(rule("With leaver", [t.as.rep.userId, person.id]));
    await changeUser(t.ctx, person.id, { isActive: false }, "test");
    expect((await call("PATCH", `/api/v1/routing/rules/${id}`, { name: "Renamed" })).statusCode).toBe(200);
    const repool = await call("PATCH", `/api/v1/routing/rules/${id}`, { target: { userIds: [person.id], strategy: "round_robin" } });
    expect(repool.json()).toMatchObject({ field: "target.userIds.0" });
  });

  it("reordering changes which rule routes a lead", async () => {
    const toRep = await create(rule("To Rita", [t.as.rep.userId]));
    const toOther = await create(rule("To Oscar", [t.as.otherRep.userId]));
    expect(await ownerOfCapture("order-1@lead.example")).toBe(t.as.rep.userId);
    const reordered = await call("POST", "/api/v1/routing/rules:reorder", { ids: [toOther.id, toRep.id] });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().items.map((r: { id: string; position: number }) => [r.id, r.position])).toEqual([
      [toOther.id, 1],
      [toRep.id, 2],
    ]);
    expect(await ownerOfCapture("order-2@lead.example")).toBe(t.as.otherRep.userId);
    const moves = (await workspaceEvents(t.ctx.db, "routing_rule_saved")).filter((e) => [toRep.id, toOther.id].includes(e.data.ruleId) && !e.data.isNew);
    expect(moves.map((e) => e.data.ruleId)).toEqual([toOther.id, toRep.id]);
  });

  it.each([
    [["A"], "ids", "is missing"],
    [["A", "B", "A"], "ids.2", "listed twice"],
    [["A", "rule_nope"], "ids.1", "no routing rule"],
  ])("refuses a reorder of %j naming %s", async (names, field, words) => {
    const ids = { A: (await create(rule("A", [t.as.rep.userId]))).id, B: (await create(rule("B", [t.as.rep.userId]))).id } as Record<string, string>;
    const response = await call("POST", "/api/v1/routing/rules:reorder", { ids: names.map((name) => ids[name] ?? name) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field, detail: expect.stringContaining(words) });
  });

  it("deleting a rule removes its round-robin cursor", async () => {
    const { id } = await create(rule("Pool", [t.as.rep.userId, t.as.otherRep.userId]));
    await ownerOfCapture("cursor@lead.example");
    const cursorOf = () => t.ctx.db.selectFrom("routing_cursors").select("pool_key").where("pool_key", "=", id).execute();
    expect(await cursorOf()).toHaveLength(1);
    await call("DELETE", `/api/v1/routing/rules/${id}`);
    expect(await cursorOf()).toEqual([]);
  });

  it("is for managers and admins: a rep gets 403 on every rules route", async () => {
    const { id } = await create(rule("Guarded", [t.as.rep.userId]));
    const attempts = [
      call("GET", "/api/v1/routing/rules", undefined, "rep"),
      call("POST", "/api/v1/routing/rules", rule("Mine", [t.as.rep.userId]), "rep"),
      call("PATCH", `/api/v1/routing/rules/${id}`, { name: "Mine" }, "rep"),
      call("DELETE", `/api/v1/routing/rules/${id}`, undefined, "rep"),
      call("POST", "/api/v1/routing/rules:reorder", { ids: [id] }, "rep"),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(403);
    expect((await call("GET", "/api/v1/routing/rules")).json().items).toEqual([expect.objectContaining({ id, name: "Guarded" })]);
  });
});
