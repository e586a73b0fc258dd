import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countLeads } from "../store/leads.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../test/support/engines.js";
import { createCaptureQueue } from "./capture-queue.js";

describe.each(ENGINES)("createCaptureQueue on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  it("commits concurrent captures together and answers each with its own result", async () => {
    const ctx = testContext(database.db);
    const queue = createCaptureQueue(ctx);
    const before = await countLeads(database.db);
    const payloads = [
      ...Array.from({ length: 40 }, (_, i) => ({ email: `group${i}@example.com` })),
      { email: "GROUP3@example.com", title: "Duplicate of 3" },
      { email: "broken" },
    ];
    const results = await Promise.all(payloads.map((payload) => queue.capture({ payload, actor: "test" })));
    expect(results.slice(0, 40).every((r) => r.ok && r.outcome === "created")).toBe(true);
    expect(results[40]).toMatchObject({ ok: true, outcome: "merged", leadId: results[3]!.ok ? results[3]!.leadId : "" });
    expect(results[41]).toMatchObject({ ok: false, error: { field: "email" } });
    expect(await countLeads(database.db)).toBe(before + 40);
  });

  it("retries captures one by one when their shared transaction fails", async () => {
    const ctx = testContext(database.db);
    let failuresLeft = 1;
    const flakyDb = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === "transaction" && failuresLeft-- > 0) throw new Error("connection reset");
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const queue = createCaptureQueue({ ...ctx, db: flakyDb });
    const results = await Promise.all(["a", "b", "c"].map((n) => queue.capture({ payload: { email: `retry-${n}@example.com` }, actor: "test" })));
    expect(results.map((r) => r.ok && r.outcome)).toEqual(["created", "created", "created"]);
  });
});
