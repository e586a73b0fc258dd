import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../../../domain/pipeline/pipeline-config.js";
import { captureLead } from "../../../services/capture-leads.js";
import { listLeadEvents } from "../../../store/events.js";
import { findLeadPipeline, saveLeadPipeline } from "../../../store/lead-pipeline.js";
import { findLeadById, updateLead } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestCaller } from "../../../../test/support/http.js";
import { isoOf } from "../../instants.js";

const HOUR_MS = 60 * 60 * 1000;

describe.each(ENGINES)("pipeline, stage moves, proposals and campaign promises over HTTP (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const send = (method: "POST" | "PUT" | "DELETE", url: string, payload: object | undefined, as: TestCaller) => t.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
  const get = (url: string, as: TestCaller = t.as.rep) => t.app.inject({ method: "GET", url, headers: as.headers });
  const moveStage = (leadId: string, payload: object, as: TestCaller = t.as.rep) => send("POST", `/api/v1/leads/${leadId}/stage`, payload, as);
  const nextStep = () => ({ action: "Book the discovery call", dueAt: isoOf(t.ctx.clock.now() + HOUR_MS) });

  /** A lead of the rep's in `stage`, captured from `campaign`. */
  async function repLead(stage = "new", campaign: string | null = null): Promise<string> {
    const { leadId } = await captureLead(t.ctx, { payload: { email: `pipeline-${++serial}@example.com`, ...(campaign ? { campaign } : {}) }, actor: "test" });
    await updateLead(t.ctx.db, { ...(await findLeadById(t.ctx.db, leadId))!, ownerId: t.as.rep.userId, stage });
    return leadId;
  }

  it("shows everyone the pipeline and lets only managers and admins change it, naming bad fields", async () => {
    expect((await get("/api/v1/pipeline")).json()).toEqual(DEFAULT_PIPELINE);
    expect((await send("PUT", "/api/v1/pipeline", DEFAULT_PIPELINE, t.as.rep)).statusCode).toBe(403);
    const cases: [object, string][] = [
      [{ ...DEFAULT_PIPELINE, stages: DEFAULT_PIPELINE.stages.slice(1) }, "stages.0.key"],
      [{ ...DEFAULT_PIPELINE, stages: DEFAULT_PIPELINE.stages.map((stage, index) => (index === 2 ? { ...stage, key: "contacted" } : stage)) }, "stages.2.key"],
      [{ ...DEFAULT_PIPELINE, stages: DEFAULT_PIPELINE.stages.slice(0, 5) }, "stages"],
      [{ ...DEFAULT_PIPELINE, colour: "red" }, "colour"],
      [{ ...DEFAULT_PIPELINE, expectationTolerancePercent: -1 }, "expectationTolerancePercent"],
    ];
    for (const [payload, field] of cases) {
      const response = await send("PUT", "/api/v1/pipeline", payload, t.as.manager);
      expect([response.statusCode, response.json().field]).toEqual([400, field]);
    }
    const tolerant = { ...DEFAULT_PIPELINE, expectationTolerancePercent: 25 };
    expect((await send("PUT", "/api/v1/pipeline", tolerant, t.as.manager)).json()).toEqual(tolerant);
    expect((await get("/api/v1/pipeline")).json()).toMatchObject({ expectationTolerancePercent: 25 });
    expect((await send("PUT", "/api/v1/pipeline", DEFAULT_PIPELINE, t.as.admin)).statusCode).toBe(200);
  });

  it("refuses to remove a stage while leads sit in it (409)", async () => {
    await repLead("proposal");
    const withoutProposal = { ...DEFAULT_PIPELINE, stages: DEFAULT_PIPELINE.stages.filter((stage) => stage.key !== "proposal") };
    const response = await send("PUT", "/api/v1/pipeline", withoutProposal, t.as.manager);
    expect([response.statusCode, response.json().field]).toEqual([409, "stages"]);
  });

  it("moves a lead forward with a next step, returning the lead and the checklist warning", async () => {
    const leadId = await repLead();
    const response = await moveStage(leadId, { stage: "contacted", nextStep: nextStep() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ lead: { id: leadId, stage: "contacted" }, warnings: [{ code: "checklist_incomplete", missing: [{ key: "first_contact", label: "First contact attempted" }] }] });
    expect((await listLeadEvents(t.ctx.db, leadId)).map((event) => event.type)).toEqual(expect.arrayContaining(["stage_changed", "next_step_set"]));
  });

  it.each<[string, string, object, number, string | undefined]>([
    ["forward without a next step", "new", { stage: "contacted" }, 400, "nextStep"],
    ["a next step without its action", "qualified", { stage: "proposal", nextStep: {} }, 400, "nextStep.action"],
    ["a block checklist left unticked, with a next step", "qualified", { stage: "proposal", checkedItems: ["decision_maker_met"] }, 400, "checkedItems"],
    ["an unknown stage", "new", { stage: "negotiation" }, 400, "stage"],
    ["won without an amount", "proposal", { stage: "won", checkedItems: ["proposal_reviewed", "decision_date_set"] }, 400, "amount"],
    ["won with three decimals", "proposal", { stage: "won", checkedItems: ["proposal_reviewed", "decision_date_set"], amount: 10.005 }, 400, "amount"],
    ["lost without a reason", "contacted", { stage: "lost" }, 400, "reason"],
    ["lost for other without a note", "contacted", { stage: "lost", reason: "other" }, 400, "note"],
    ["an unknown body field", "new", { stage: "contacted", priority: "high" }, 400, "priority"],
  ])("refuses %s, naming the field", async (_case, stage, payload, status, field) => {
    const leadId = await repLead(stage);
    if (stage === "qualified") await send("PUT", `/api/v1/leads/${leadId}/next-step`, nextStep(), t.as.rep);
    const response = await moveStage(leadId, payload);
    expect([response.statusCode, response.json().field]).toEqual([status, field]);
    expect((await findLeadById(t.ctx.db, leadId))!.stage).toBe(stage);
  });

  it("wins and loses with their events, and hides another rep's lead (404)", async () => {
    const won = await repLead("proposal");
    const response = await moveStage(won, { stage: "won", checkedItems: ["proposal_reviewed", "decision_date_set"], amount: 12500.5 });
    expect(response.json()).toMatchObject({ lead: { stage: "won" }, warnings: [] });
    expect((await listLeadEvents(t.ctx.db, won)).find((event) => event.type === "won")!.data).toMatchObject({ amountCents: 1_250_050 });

    const lost = await repLead("contacted");
    expect((await moveStage(lost, { stage: "lost", reason: "price" })).statusCode).toBe(200);
    expect((await listLeadEvents(t.ctx.db, lost)).find((event) => event.type === "lost")!.data).toMatchObject({ reason: "price", reasonLabel: "Price" });

    const mine = await repLead();
    const other = await moveStage(mine, { stage: "contacted", nextStep: nextStep() }, t.as.otherRep);
    expect([other.statusCode, other.json().field]).toEqual([404, "id"]);
    expect((await moveStage(mine, { stage: "contacted", nextStep: nextStep() }, t.as.manager)).statusCode).toBe(200);
  });

  it("answers 409 for a disqualified lead", async () => {
    const leadId = await repLead("contacted");
    const lead = (await findLeadById(t.ctx.db, leadId))!;
    await saveLeadPipeline(t.ctx.db, { ...(await findLeadPipeline(t.ctx.db, lead)), qualificationStatus: "disqualified", disqualificationReason: "spam", closedAt: t.ctx.clock.now() }, t.ctx.clock.now());
    expect((await moveStage(leadId, { stage: "new" })).statusCode).toBe(409);
    expect((await send("POST", `/api/v1/leads/${leadId}/proposal`, { amount: 10 }, t.as.rep)).statusCode).toBe(409);
  });

  it("flags a proposal far from its campaign's promise, and manages promises", async () => {
    expect((await send("PUT", "/api/v1/campaign-promises/spring%20launch", { priceAnchor: 10000 }, t.as.rep)).statusCode).toBe(403);
    const saved = await send("PUT", "/api/v1/campaign-promises/spring%20launch", { priceAnchor: 10000, timelineDays: 30, notes: "Live in a month" }, t.as.manager);
    expect(saved.json()).toEqual({ campaign: "spring launch", priceAnchor: 10000, timelineDays: 30, notes: "Live in a month", updatedAt: isoOf(t.ctx.clock.now()) });
    expect((await get("/api/v1/campaign-promises")).json()).toEqual({ items: [saved.json()] });

    const leadId = await repLead("qualified", "spring launch");
    const proposal = await send("POST", `/api/v1/leads/${leadId}/proposal`, { amount: 14999.99 }, t.as.rep);
    expect(proposal.statusCode).toBe(201);
    expect(proposal.json()).toEqual({ proposal: { amount: 14999.99, sentAt: isoOf(t.ctx.clock.now()), priceAnchor: 10000, deviationPercent: 50, isExpectationMismatch: true } });
    const near = await send("POST", `/api/v1/leads/${leadId}/proposal`, { amount: 9000, sentAt: isoOf(t.ctx.clock.now() - HOUR_MS) }, t.as.rep);
    expect(near.json().proposal).toMatchObject({ sentAt: isoOf(t.ctx.clock.now() - HOUR_MS), deviationPercent: -10, isExpectationMismatch: false });

    const bad = await send("PUT", "/api/v1/campaign-promises/spring%20launch", { priceAnchor: 0 }, t.as.manager);
    expect([bad.statusCode, bad.json().field]).toEqual([400, "priceAnchor"]);
    expect((await send("DELETE", "/api/v1/campaign-promises/spring%20launch", undefined, t.as.manager)).statusCode).toBe(204);
    const gone = await send("DELETE", "/api/v1/campaign-promises/spring%20launch", undefined, t.as.manager);
    expect([gone.statusCode, gone.json().field]).toEqual([404, "campaign"]);
  });
});
