import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findApiKeyById } from "../../../store/api-keys.js";
import { API_KEY_USE_RECORD_INTERVAL_MS } from "../../../services/auth/authenticate.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";

describe.each(ENGINES)("API keys over HTTP on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const create = (payload: object) => t.app.inject({ method: "POST", url: "/api/v1/api-keys", headers: t.as.admin.headers, payload });
  const capture = (key: string, email: string) =>
    t.app.inject({ method: "POST", url: "/api/v1/leads", headers: { authorization: `Bearer ${key}` }, payload: { email } });

  it("creates a key shown once, lets it capture, lists it without the secret, and refuses it once revoked", async () => {
    const created = await create({ name: "Landing pages", scopes: ["leads:write"] });
    expect(created.statusCode).toBe(201);
    const { id, key, prefix } = created.json();
    expect(key).toMatch(/^cl_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(key.slice(0, 10));
    expect(created.json()).toMatchObject({ name: "Landing pages", scopes: ["leads:write"], createdAt: expect.any(String) });

    expect((await capture(key, "first@keys.example")).statusCode).toBe(201);

    const list = await t.app.inject({ method: "GET", url: "/api/v1/api-keys", headers: t.as.admin.headers });
    const listed = list.json().items.find((item: { id: string }) => item.id === id);
    expect(listed).toMatchObject({ prefix, revokedAt: null, lastUsedAt: new Date(t.ctx.clock.now()).toISOString() });
    expect(list.body).not.toContain(key);

    const revoked = await t.app.inject({ method: "DELETE", url: `/api/v1/api-keys/${id}`, headers: t.as.admin.headers });
    expect(revoked.statusCode).toBe(204);
    const refused = await capture(key, "second@keys.example");
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: "unauthenticated" });
    expect((await t.app.inject({ method: "DELETE", url: `/api/v1/api-keys/${id}`, headers: t.as.admin.headers })).statusCode).toBe(204);
  });

  it("records last use at most once a minute", async () => {
    const { id, key } = (await create({ name: "Hot path", scopes: ["leads:write"] })).json();
    await capture(key, "a@keys.example");
    const firstUse = t.ctx.clock.now();
    t.ctx.clock.advance(API_KEY_USE_RECORD_INTERVAL_MS - 1);
    await capture(key, "b@keys.example");
    expect((await findApiKeyById(t.ctx.db, id))?.lastUsedAt).toBe(firstUse);
    t.ctx.clock.advance(1);
    await capture(key, "c@keys.example");
    expect((await findApiKeyById(t.ctx.db, id))?.lastUsedAt).toBe(t.ctx.clock.now());
  });

  it("answers 401, never anonymous, for a malformed, unknown or non-bearer key", async () => {
    for (const authorization of ["Bearer nope", `Bearer cl_${"A".repeat(43)}`, "Basic dXNlcjpwYXNz", "Bearer"]) {
      const response = await t.app.inject({ method: "POST", url: "/f/whatever", headers: { authorization }, payload: { email: "x@y.dev" } });
      expect(response.statusCode, authorization).toBe(401);
    }
  });

  it("names the field of a bad request", async () => {
    expect((await create({ name: "X", scopes: ["leads:read"] })).json()).toMatchObject({ code: "invalid", field: "scopes.0" });
    expect((await create({ name: "X", scopes: [] })).json()).toMatchObject({ code: "invalid", field: "scopes" });
    expect((await create({ name: "   ", scopes: ["admin"] })).json()).toMatchObject({ code: "invalid", field: "name" });
    expect((await create({ scopes: ["admin"] })).json()).toMatchObject({ code: "invalid", field: "name" });
    const unknown = await t.app.inject({ method: "DELETE", url: "/api/v1/api-keys/key_nope", headers: t.as.admin.headers });
    expect(unknown.statusCode).toBe(404);
  });

  it("an admin-scoped key manages keys; a leads:write key may not", async () => {
    expect((await t.app.inject({ method: "POST", url: "/api/v1/api-keys", headers: t.as.adminKey.headers, payload: { name: "By key", scopes: ["admin"] } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/api-keys", headers: t.as.leadsWriteKey.headers })).statusCode).toBe(403);
  });
});
