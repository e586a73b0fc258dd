import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/support/http.js";
import { emailStep, insertTestSequence } from "../../../../test/support/sequence-fixtures.js";

describe.each(ENGINES)("playbooks API (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
    await insertTestSequence(t.ctx, "seq_demo", [emailStep(0)]);
  });
  afterAll(() => t.destroy());

  const send = (method: "POST" | "PUT" | "GET" | "DELETE", url: string, payload?: object, as: TestUser = t.as.manager) =>
    t.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
  const create = (body: object, as?: TestUser) => send("POST", "/api/v1/playbooks", body, as);
  const named = (name: string) => `${name} ${++serial}`;

  it("creates a playbook with defaults, reads, replaces, lists and deletes it", async () => {
    const created = await create({ name: "Hot leads", intentLevel: "high" });
    expect(created.statusCode, created.body).toBe(201);
    const playbook = created.json();
    expect(playbook).toEqual({
      id: expect.any(String),
      name: "Hot leads",
      intentLevel: "high",
      source: null,
      slaPolicyId: null,
      sequenceId: null,
      stageGuidance: null,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      updatedAt: playbook.createdAt,
    });
    expect((await send("GET", `/api/v1/playbooks/${playbook.id}`, undefined, t.as.rep)).json()).toEqual(playbook);

    const body = { name: "Hot webinar leads", intentLevel: "high", source: "webinar", slaPolicyId: "sla_standard", sequenceId: "seq_demo", stageGuidance: "Call within the hour." };
    const replaced = await send("PUT", `/api/v1/playbooks/${playbook.id}`, body);
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toEqual({ ...playbook, ...body });
    const listed = await send("GET", "/api/v1/playbooks", undefined, t.as.rep);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toContainEqual(replaced.json());

    const deleted = await send("DELETE", `/api/v1/playbooks/${playbook.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await send("GET", `/api/v1/playbooks/${playbook.id}`)).statusCode).toBe(404);
  });

  it.each([
    [{ intentLevel: "high" }, "name"],
    [{ name: "x".repeat(81), intentLevel: "high" }, "name"],
    [{ name: "No level" }, "intentLevel"],
    [{ name: "Bad level", intentLevel: "urgent" }, "intentLevel"],
    [{ name: "Blank source", intentLevel: "low", source: "   " }, "source"],
    [{ name: "Long source", intentLevel: "low", source: "s".repeat(201) }, "source"],
    [{ name: "Long guidance", intentLevel: "low", stageGuidance: "g".repeat(2001) }, "stageGuidance"],
    [{ name: "Unknown policy", intentLevel: "low", slaPolicyId: "sla_missing" }, "slaPolicyId"],
    [{ name: "Unknown sequence", intentLevel: "low", sequenceId: "seq_missing" }, "sequenceId"],
    [{ name: "Unknown field", intentLevel: "low", colour: "blue" }, "colour"],
  ])("refuses %j naming %s", async (body, field) => {
    const response = await create(body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field });
  });

  it("refuses a taken name and a second playbook for the same intent level and source with 409", async () => {
    const name = named("Medium");
    expect((await create({ name, intentLevel: "medium", source: "Ads" })).statusCode).toBe(201);
    const sameName = await create({ name, intentLevel: "low", source: named("elsewhere") });
    expect(sameName.statusCode, sameName.body).toBe(409);
    expect(sameName.json()).toMatchObject({ code: "conflict", field: "name" });
    const sameCoverage = await create({ name: named("Medium ads"), intentLevel: "medium", source: "ads" });
    expect(sameCoverage.statusCode, sameCoverage.body).toBe(409);
    expect(sameCoverage.json()).toMatchObject({ code: "conflict", field: "source" });
  });

  it("answers 404 for an unknown id", async () => {
    expect((await send("GET", "/api/v1/playbooks/playbook_missing")).statusCode).toBe(404);
    const replaced = await send("PUT", "/api/v1/playbooks/playbook_missing", { name: named("Nowhere"), intentLevel: "low", source: named("nowhere") });
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json()).toMatchObject({ code: "not_found", field: "id" });
    expect((await send("DELETE", "/api/v1/playbooks/playbook_missing")).statusCode).toBe(404);
  });

  it("lets reps read playbooks but not write them", async () => {
    expect((await create({ name: named("Rep's own"), intentLevel: "low", source: named("rep") }, t.as.rep)).statusCode).toBe(403);
    const id = (await create({ name: named("Team"), intentLevel: "low", source: named("team") })).json().id;
    expect((await send("PUT", `/api/v1/playbooks/${id}`, { name: named("Hijacked"), intentLevel: "low" }, t.as.rep)).statusCode).toBe(403);
    expect((await send("DELETE", `/api/v1/playbooks/${id}`, undefined, t.as.rep)).statusCode).toBe(403);
    expect((await send("GET", "/api/v1/playbooks", undefined, t.as.rep)).statusCode).toBe(200);
    expect((await create({ name: named("Admin's"), intentLevel: "low", source: named("admin") }, t.as.admin)).statusCode).toBe(201);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/playbooks" })).statusCode).toBe(401);
  });
});
