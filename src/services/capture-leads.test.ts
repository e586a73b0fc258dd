import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.js";
import { listLeadEvents } from "../store/events.js";
import { countLeads, findLeadById } from "../store/leads.js";
import { ENGINES, openTestDatabase, type TestDatabase, testContext } from "../../test/support/engines.js";
import { captureLead, captureLeads } from "./capture-leads.js";

describe.each(ENGINES)("captureLeads on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.destroy());

  it("creates a normalised lead and appends `created` with the original payload", async () => {
    const ctx = testContext(database.db);
    const payload = { email: "  Ana.Silva@Example.COM ", name: " Ana  Silva ", company: " Acme ", phone: "(415) 555-0101", plan: "pro" };
    const result = await captureLead(ctx, { payload, actor: "test" });
    expect(result).toMatchObject({ outcome: "created", isReplay: false });
    const lead = await findLeadById(database.db, result.leadId);
    expect(lead).toMatchObject({
      email: "ana.silva@example.com",
      firstName: "Ana",
      lastName: "Silva",
      company: "Acme",
      phone: "+14155550101",
      stage: "new",
      custom: { plan: "pro" },
    });
    const events = await listLeadEvents(database.db, result.leadId);
    // No routing rule or fallback pool yet: the lead waits unassigned, and its SLA clock runs.
    expect(events.map((e) => e.type)).toEqual(["created", "unassigned", "sla_started", "scored"]);
    expect(events[0]!.data).toEqual({ payload });
  });

  it("merges a duplicate by email: fills gaps, keeps existing values, answers with the same id", async () => {
    const ctx = testContext(database.db);
    const first = await captureLead(ctx, { payload: { email: "dup@example.com", company: "First Co" }, actor: "test" });
    const second = await captureLead(ctx, { payload: { email: "DUP@example.com", company: "Second Co", title: "CTO" }, actor: "test" });
    expect(second).toMatchObject({ outcome: "merged", leadId: first.leadId });
    expect(await findLeadById(database.db, first.leadId)).toMatchObject({ company: "First Co", title: "CTO" });
    const events = await listLeadEvents(database.db, first.leadId);
    expect(events.map((e) => e.type)).toEqual(["created", "unassigned", "sla_started", "scored", "merged_duplicate", "scored"]);
    expect(events[4]!.data).toMatchObject({ matchedBy: ["email"], changedFields: ["title"] });
  });

  it("merges a duplicate by phone written in another format", async () => {
    const ctx = testContext(database.db);
    const first = await captureLead(ctx, { payload: { phone: "+1 (212) 555-0199" }, actor: "test" });
    const second = await captureLead(ctx, { payload: { phone: "212.555.0199", email: "new@example.com" }, actor: "test" });
    expect(second).toMatchObject({ outcome: "merged", leadId: first.leadId });
    // The merged lead is now also known by the new email.
    const third = await captureLead(ctx, { payload: { email: "new@example.com" }, actor: "test" });
    expect(third.leadId).toBe(first.leadId);
  });

  it("replays an idempotent retry without creating anything, and refuses the key with another body", async () => {
    const ctx = testContext(database.db);
    const before = await countLeads(database.db);
    const request = { payload: { email: "idem@example.com" }, actor: "api_key:k1", idempotencyKey: "abc" };
    const first = await captureLead(ctx, request);
    const retry = await captureLead(ctx, request);
    expect(retry).toEqual({ ...first, isReplay: true });
    expect(await countLeads(database.db)).toBe(before + 1);
    expect((await listLeadEvents(database.db, first.leadId)).filter((e) => e.type === "created")).toHaveLength(1);
    const [conflict] = await captureLeads(ctx, [{ ...request, payload: { email: "other@example.com" } }]);
    expect(conflict).toMatchObject({ ok: false, error: { code: "conflict", field: "Idempotency-Key" } });
  });

  it("reports invalid items by field and still captures the valid ones in the same call", async () => {
    const ctx = testContext(database.db);
    const results = await captureLeads(ctx, [
      { payload: { email: "not-an-email" }, actor: "test" },
      { payload: { company: "No contact" }, actor: "test" },
      { payload: { email: "batch-ok@example.com" }, actor: "test" },
      { payload: { email: "BATCH-ok@example.com", title: "VP" }, actor: "test" },
    ]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: "invalid", field: "email" } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: "invalid", field: "email" } });
    expect(results[2]).toMatchObject({ ok: true, outcome: "created" });
    expect(results[3]).toMatchObject({ ok: true, outcome: "merged" });
    expect(results[0]!.ok === false && results[0]!.error).toBeInstanceOf(DomainError);
  });

  it("de-duplicates concurrent captures of the same person into one lead", async () => {
    const ctx = testContext(database.db);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => captureLead({ ...ctx, ids: (p) => `${p}_race_${i}` }, { payload: { email: "race@example.com", title: `t${i}` }, actor: "test" })),
    );
    expect(new Set(results.map((r) => r.leadId)).size).toBe(1);
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
  });
});
