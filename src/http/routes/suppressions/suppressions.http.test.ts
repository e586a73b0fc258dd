import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/support/http.js";
import { insertSuppression } from "../../../store/suppressions.js";
import { isoOf } from "../../instants.js";

describe.each(ENGINES)("suppressions API (%s)", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const add = (payload: object, as: TestUser = t.as.manager) => t.app.inject({ method: "POST", url: "/api/v1/suppressions", headers: as.headers, payload });
  const list = (query = "", as: TestUser = t.as.manager) => t.app.inject({ method: "GET", url: `/api/v1/suppressions${query}`, headers: as.headers });
  const remove = (value: string, as: TestUser = t.as.manager) => t.app.inject({ method: "DELETE", url: `/api/v1/suppressions/${encodeURIComponent(value)}`, headers: as.headers });
  const values = async (query = "") => (await list(query)).json().items.map((entry: { value: string }) => entry.value);

  it("adds an address and a domain, lists and searches them newest first, and removes one", async () => {
    const address = await add({ value: " Ann@Blocked.example ", kind: "address", note: "Asked by phone" });
    expect(address.statusCode, address.body).toBe(201);
    expect(address.json()).toEqual({ value: "ann@blocked.example", kind: "address", reason: "manual", leadId: null, note: "Asked by phone", createdBy: `user:${t.as.manager.userId}`, createdAt: isoOf(t.ctx.clock.now()) });
    t.ctx.clock.advance(1000);
    expect((await add({ value: "@competitor.example", kind: "domain" })).json()).toMatchObject({ value: "competitor.example", kind: "domain", note: null });

    expect(await values()).toEqual(["competitor.example", "ann@blocked.example"]);
    expect(await values("?search=BLOCKED")).toEqual(["ann@blocked.example"]);
    expect(await values("?limit=1&offset=1")).toEqual(["ann@blocked.example"]);

    expect((await remove("ann@blocked.example")).statusCode).toBe(204);
    expect(await values()).toEqual(["competitor.example"]);
    const missing = await remove("ann@blocked.example");
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: "not_found", field: "value" });
  });

  it("removes an address longer than 100 characters, up to the 254 a value may have", async () => {
    const long = `${"l".repeat(64)}@${"d".repeat(63)}.${"e".repeat(63)}.example`;
    expect(long).toHaveLength(200);
    expect((await add({ value: long, kind: "address" })).statusCode).toBe(201);
    const removed = await remove(long);
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await values("?search=llll")).toEqual([]);
    const longest = await remove(`${"l".repeat(64)}@${"d".repeat(63)}.${"e".repeat(63)}.${"f".repeat(53)}.example`);
    expect(longest.json()).toMatchObject({ code: "not_found", field: "value" });
  });

  it("keeps opt-outs for good: removing one is a 409; adding a listed value is a 409", async () => {
    await insertSuppression(t.ctx.db, { value: "gone@lead.example", kind: "address", reason: "opted_out", leadId: null, note: null, createdBy: "lead", createdAt: t.ctx.clock.now() });
    const refused = await remove("gone@lead.example");
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "conflict", field: "value" });
    const again = await add({ value: "gone@lead.example", kind: "address" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "conflict", field: "value" });
    expect(await values("?search=gone")).toEqual(["gone@lead.example"]);
  });

  it.each([
    [{ kind: "address" }, "value"],
    [{ value: "not-an-address", kind: "address" }, "value"],
    [{ value: "not a domain", kind: "domain" }, "value"],
    [{ value: "x@y.example", kind: "person" }, "kind"],
    [{ value: "x@y.example", kind: "address", note: "n".repeat(501) }, "note"],
    [{ value: "x@y.example", kind: "address", reason: "opted_out" }, "reason"],
  ])("refuses %j naming %s", async (payload, field) => {
    const response = await add(payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid", field });
  });

  it("refuses bad paging naming the parameter", async () => {
    expect((await list("?limit=0")).json()).toMatchObject({ code: "invalid", field: "limit" });
    expect((await list("?offset=-1")).json()).toMatchObject({ code: "invalid", field: "offset" });
  });

  it("is for admins and managers only", async () => {
    expect((await list("", t.as.rep)).statusCode).toBe(403);
    expect((await add({ value: "rep@blocked.example", kind: "address" }, t.as.rep)).statusCode).toBe(403);
    expect((await add({ value: "admin@blocked.example", kind: "address" }, t.as.admin)).statusCode).toBe(201);
    expect((await remove("admin@blocked.example", t.as.rep)).statusCode).toBe(403);
    expect(await values()).toContain("admin@blocked.example");
  });
});
