import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../../../domain/pipeline/pipeline-config.js";
import { insertLeads } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { buildLead } from "../../../../test/support/factories.js";
import { createTestApp, type TestApp, type TestCaller } from "../../../../test/support/http.js";
import { isoOf } from "../../instants.js";

const HOUR_MS = 60 * 60 * 1000;

describe.each(ENGINES)("a lead's pipeline view over HTTP (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const get = (url: string, as: TestCaller = t.as.rep) => t.app.inject({ method: "GET", url, headers: as.headers });
  const post = (url: string, payload: object, as: TestCaller = t.as.rep) => t.app.inject({ method: "POST", url, headers: as.headers, payload });

  async function repLead(stage = "new"): Promise<string> {
    const lead = buildLead({ id: `lead_view_${++serial}`, email: `view-${serial}@example.com`, ownerId: t.as.rep.userId, stage, createdAt: t.ctx.clock.now() });
    await insertLeads(t.ctx.db, [lead]);
    return lead.id;
  }

  it("shows a captured lead in the first stage, with the stage as documented", async () => {
    const leadId = await repLead();
    const response = await get(`/api/v1/leads/${leadId}/pipeline`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      stage: DEFAULT_PIPELINE.stages[0],
      stageEnteredAt: isoOf(t.ctx.clock.now()),
      daysInStage: 0,
      isStalled: false,
      qualificationStatus: "unqualified",
      costOfInaction: null,
      nextStep: null,
      proposal: null,
      value: null,
      outcome: null,
      replyWaitingSince: null,
    });
  });

  it("shows the next step, proposal, waiting reply and, once won, the outcome", async () => {
    const leadId = await repLead("qualified");
    const dueAt = isoOf(t.ctx.clock.now() + HOUR_MS);
    expect((await post(`/api/v1/leads/${leadId}/stage`, { stage: "proposal", checkedItems: ["decision_maker_met", "cost_of_inaction_agreed"], nextStep: { action: "Walk through it", dueAt } })).statusCode).toBe(200);
    const movedAt = isoOf(t.ctx.clock.now());
    expect((await post(`/api/v1/leads/${leadId}/proposal`, { amount: 8_000 })).statusCode).toBe(201);
    expect((await post(`/api/v1/leads/${leadId}/touches`, { channel: "email", direction: "in" })).statusCode).toBe(201);
    expect((await get(`/api/v1/leads/${leadId}/pipeline`)).json()).toMatchObject({
      stage: { key: "proposal", name: "Proposal" },
      stageEnteredAt: movedAt,
      nextStep: { action: "Walk through it", dueAt, status: "scheduled" },
      proposal: { amount: 8_000, sentAt: movedAt, isExpectationMismatch: false },
      value: 8_000,
      outcome: null,
      replyWaitingSince: movedAt,
    });
    expect((await post(`/api/v1/leads/${leadId}/stage`, { stage: "won", amount: 8_500.5 })).statusCode).toBe(200);
    expect((await get(`/api/v1/leads/${leadId}/pipeline`)).json()).toMatchObject({ stage: { key: "won" }, nextStep: null, value: 8_500.5, outcome: { kind: "won", amount: 8_500.5 } });
  });

  it("shows a disqualified lead's reason with its label and note", async () => {
    const leadId = await repLead("contacted");
    expect((await post(`/api/v1/leads/${leadId}/disqualify`, { reason: "other", note: "Reseller" })).statusCode).toBe(200);
    expect((await get(`/api/v1/leads/${leadId}/pipeline`)).json()).toMatchObject({ qualificationStatus: "disqualified", outcome: { kind: "disqualified", reason: "other", label: "Other", note: "Reseller" } });
  });

  it("is 404 for another rep's lead and for a lead that does not exist", async () => {
    const leadId = await repLead();
    for (const [url, as] of [[`/api/v1/leads/${leadId}/pipeline`, t.as.otherRep], ["/api/v1/leads/lead_missing/pipeline", t.as.rep]] as const) {
      const response = await get(url, as);
      expect([response.statusCode, response.json().field]).toEqual([404, "id"]);
    }
    expect((await get(`/api/v1/leads/${leadId}/pipeline`, t.as.manager)).statusCode).toBe(200);
  });
});
