import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLead } from "../../../services/capture-leads.js";
import { findLeadById, insertLeads, updateLead } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { buildLead } from "../../../../test/support/factories.js";
import { createTestApp, type TestApp, type TestCaller, type TestUser } from "../../../../test/support/http.js";
import { isoOf } from "../../instants.js";

const HOUR_MS = 60 * 60 * 1000;

describe.each(ENGINES)("needs attention over HTTP (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const get = (url: string, as: TestCaller) => t.app.inject({ method: "GET", url, headers: as.headers });
  const post = (url: string, payload: object, as: TestCaller = t.as.rep) => t.app.inject({ method: "POST", url, headers: as.headers, payload });
  const attentionOf = async (as: TestCaller, query = "") => {
    const response = await get(`/api/v1/attention${query}`, as);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as { lead: { id: string }; reasons: { code: string; detail: string }[] }[];
  };

  /** A lead of `owner`'s in `stage`, without an SLA clock (imported, say), so only pipeline reasons apply. */
  async function leadOf(owner: TestUser, stage = "new"): Promise<string> {
    const lead = buildLead({ id: `lead_attention_${++serial}`, email: `attention-${serial}@example.com`, company: "Acme", ownerId: owner.userId, stage, createdAt: t.ctx.clock.now(), updatedAt: t.ctx.clock.now() });
    await insertLeads(t.ctx.db, [lead]);
    return lead.id;
  }

  it("flags a captured lead's SLA at risk from its warning and breached after its due time", async () => {
    const { leadId } = await captureLead(t.ctx, { payload: { email: `captured-${++serial}@example.com` }, actor: "test" });
    await updateLead(t.ctx.db, { ...(await findLeadById(t.ctx.db, leadId))!, ownerId: t.as.otherRep.userId });
    const reasonsNow = async () => (await attentionOf(t.as.otherRep)).find((entry) => entry.lead.id === leadId)?.reasons ?? [];
    expect(await reasonsNow()).toEqual([]);
    t.ctx.clock.advance(HOUR_MS / 2);
    expect(await reasonsNow()).toEqual([{ code: "sla_at_risk", detail: "First response due in 30 min" }]);
    t.ctx.clock.advance(HOUR_MS / 2 + 15 * 60_000);
    expect(await reasonsNow()).toEqual([{ code: "sla_breached", detail: "SLA breached 15 min ago" }]);
    expect((await post(`/api/v1/leads/${leadId}/touches`, { channel: "call", direction: "out", outcome: "connected" }, t.as.otherRep)).statusCode).toBe(201);
    expect(await reasonsNow()).toEqual([]);
  });

  it("lists a rep's leads with their reasons, next step, stage, days in stage and value", async () => {
    const leadId = await leadOf(t.as.rep, "contacted");
    const [item] = await attentionOf(t.as.rep);
    expect(item).toMatchObject({
      lead: { id: leadId, company: "Acme", ownerId: t.as.rep.userId, stage: "contacted" },
      reasons: [{ code: "no_next_step", detail: "No next step in Contacted" }],
      nextStep: null,
      stage: "contacted",
      daysInStage: 0,
      value: null,
    });
    expect((await post(`/api/v1/leads/${leadId}/stage`, { stage: "proposal", checkedItems: ["conversation_held", "discovery_booked"], nextStep: { action: "Send the proposal", dueAt: isoOf(t.ctx.clock.now()) } })).statusCode).toBe(200);
    expect((await post(`/api/v1/leads/${leadId}/proposal`, { amount: 12_500.5 })).statusCode).toBe(201);
    t.ctx.clock.advance(HOUR_MS);
    const [overdue] = await attentionOf(t.as.rep);
    expect(overdue).toMatchObject({
      lead: { id: leadId },
      reasons: [{ code: "next_step_overdue", detail: "Next step overdue by 1 h" }],
      nextStep: { action: "Send the proposal", dueAt: isoOf(t.ctx.clock.now() - HOUR_MS) },
      stage: "proposal",
      value: 12_500.5,
    });
    expect((await post(`/api/v1/leads/${leadId}/next-step/done`, { next: { action: "Call for a decision", dueAt: isoOf(t.ctx.clock.now() + HOUR_MS) } })).statusCode).toBe(200);
    expect((await attentionOf(t.as.rep)).map((entry) => entry.lead.id)).not.toContain(leadId);
  });

  it("puts a waiting reply first and drops it once the rep answers", async () => {
    const quiet = await leadOf(t.as.rep, "qualified");
    const replied = await leadOf(t.as.rep, "qualified");
    expect((await post(`/api/v1/leads/${replied}/touches`, { channel: "linkedin", direction: "in", notes: "Can we talk Friday?" })).statusCode).toBe(201);
    const items = await attentionOf(t.as.rep);
    expect(items[0]).toMatchObject({ lead: { id: replied }, reasons: [{ code: "reply_waiting" }, { code: "no_next_step" }] });
    expect(items.find((entry) => entry.lead.id === quiet)?.reasons.map((reason) => reason.code)).toEqual(["no_next_step"]);
    expect((await post(`/api/v1/leads/${replied}/touches`, { channel: "linkedin", direction: "out" })).statusCode).toBe(201);
    expect((await attentionOf(t.as.rep)).find((entry) => entry.lead.id === replied)?.reasons.map((reason) => reason.code)).toEqual(["no_next_step"]);
  });

  it("refuses a rep someone else's queue (403 naming ownerId); managers see the team or one owner", async () => {
    const repLead = await leadOf(t.as.rep, "qualified");
    const otherLead = await leadOf(t.as.otherRep, "qualified");
    const refused = await get(`/api/v1/attention?ownerId=${t.as.otherRep.userId}`, t.as.rep);
    expect([refused.statusCode, refused.json().code, refused.json().field]).toEqual([403, "forbidden", "ownerId"]);
    expect((await attentionOf(t.as.rep, `?ownerId=${t.as.rep.userId}`)).map((entry) => entry.lead.id)).not.toContain(otherLead);
    const team = (await attentionOf(t.as.manager, "?limit=200")).map((entry) => entry.lead.id);
    expect(team).toEqual(expect.arrayContaining([repLead, otherLead]));
    expect((await attentionOf(t.as.admin, `?ownerId=${t.as.otherRep.userId}`)).map((entry) => entry.lead.id)).toEqual([otherLead]);
  });

  it.each([
    ["?limit=0", "limit"],
    ["?limit=500", "limit"],
    ["?ownerId=", "ownerId"],
    ["?colour=red", "colour"],
  ])("refuses %s naming %s", async (query, field) => {
    const response = await get(`/api/v1/attention${query}`, t.as.manager);
    expect([response.statusCode, response.json().field]).toEqual([400, field]);
  });
});
