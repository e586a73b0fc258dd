import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countLeads } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";

describe.each(ENGINES)("lead routes on %s", (engine) => {
  let t: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp(engine);
    app = t.app;
  });
  afterAll(() => t.destroy());

  const capture = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url: "/api/v1/leads", headers: { ...t.as.leadsWriteKey.headers, ...headers }, payload: body as object });

  it("answers 201 for a new lead and 200 with the same id for a duplicate by email", async () => {
    const created = await capture({ email: "Http.Lead@Example.com", name: "Http Lead" });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: expect.any(String), outcome: "created" });
    const merged = await capture({ email: "http.lead@example.com ", company: "Later Co" });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toEqual({ id: created.json().id, outcome: "merged" });
  });

  it("de-duplicates by phone written in different formats", async () => {
    const first = await capture({ phone: "+1 (646) 555-0142" });
    const second = await capture({ phone: "646-555-0142", name: "Same Person" });
    expect([first.statusCode, second.statusCode]).toEqual([201, 200]);
    expect(second.json().id).toBe(first.json().id);
  });

  it("replays an Idempotency-Key retry and creates nothing", async () => {
    const body = { email: "retry@example.com" };
    const first = await capture(body, { "idempotency-key": "k-1" });
    const before = await countLeads(t.ctx.db);
    const retry = await capture(body, { "idempotency-key": "k-1" });
    expect([retry.statusCode, retry.json()]).toEqual([first.statusCode, first.json()]);
    expect(await countLeads(t.ctx.db)).toBe(before);
    const reused = await capture({ email: "else@example.com" }, { "idempotency-key": "k-1" });
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ field: "Idempotency-Key" });
  });

  it.each([
    [{ email: "not-an-email" }, "email"],
    [{ company: "Nobody" }, "email"],
    [{ email: "a@example.com", firstName: "x".repeat(101) }, "firstName"],
    [{ email: "a@example.com", title: { nested: true } }, "title"],
    [{ email: "a@example.com", custom: "flat" }, "custom"],
  ])("refuses %j with a problem naming %s", async (body, field) => {
    const response = await capture(body);
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ status: 400, field });
  });

  it("refuses a body that is not JSON, naming the body", async () => {
    const response = await app.inject({ method: "POST", url: "/api/v1/leads", headers: { ...t.as.leadsWriteKey.headers, "content-type": "application/json" }, payload: "{nope" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "body" });
  });

  it("captures a batch with one result per item and item-prefixed fields", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/leads:batch",
      headers: t.as.leadsWriteKey.headers,
      payload: { items: [{ email: "b1@example.com" }, { email: "bad" }, { email: "B1@example.com" }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      created: 1,
      merged: 1,
      rejected: 1,
      results: [{ index: 0, status: 201 }, { index: 1, status: 400, error: { field: "items.1.email" } }, { index: 2, status: 200 }],
    });
  });

  it("refuses a batch over 1,000 items", async () => {
    const items = Array.from({ length: 1001 }, (_, i) => ({ email: `many${i}@example.com` }));
    const response = await app.inject({ method: "POST", url: "/api/v1/leads:batch", headers: t.as.leadsWriteKey.headers, payload: { items } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: "items" });
  });

  it("lists with filters, free text and cursor pagination, and shows a lead with its timeline", async () => {
    for (let i = 0; i < 5; i++) await capture({ email: `page${i}@listing.example`, company: "Pager Inc", source: "listing-test" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `source=listing-test&limit=2&sort=created_asc${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await app.inject({ method: "GET", url: `/api/v1/leads?${query}`, headers: t.as.manager.headers });
      expect(page.statusCode).toBe(200);
      const body = page.json();
      seen.push(...body.items.map((lead: { email: string }) => lead.email));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `page${i}@listing.example`));
    const search = await app.inject({ method: "GET", url: "/api/v1/leads?q=PAGER", headers: t.as.manager.headers });
    expect(search.json().items).toHaveLength(5);
    const id = search.json().items[0].id;
    const detail = await app.inject({ method: "GET", url: `/api/v1/leads/${id}`, headers: t.as.manager.headers });
    expect(detail.json()).toMatchObject({ lead: { id, company: "Pager Inc" }, timeline: [{ type: "created" }, { type: "unassigned" }, { type: "sla_started" }, { type: "scored" }] });
  });

  it("refuses a cursor it did not issue and an unknown query parameter", async () => {
    const badCursor = await app.inject({ method: "GET", url: "/api/v1/leads?cursor=zzz", headers: t.as.manager.headers });
    expect([badCursor.statusCode, badCursor.json().field]).toEqual([400, "cursor"]);
    const unknown = await app.inject({ method: "GET", url: "/api/v1/leads?colour=red", headers: t.as.manager.headers });
    expect([unknown.statusCode, unknown.json().field]).toEqual([400, "colour"]);
  });
});
