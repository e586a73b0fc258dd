import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG } from "../../../domain/scoring/scoring-config.js";
import { captureLead } from "../../../services/capture-leads.js";
import { findLeadById, updateLead } from "../../../store/leads.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/support/http.js";

describe.each(ENGINES)("scoring API (%s)", (engine) => {
  let t: TestApp;
  let repLeadId: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    repLeadId = (await captureLead(t.ctx, { payload: { email: "ana@acme.example", title: "Head of Sales", source: "demo-request", custom: { employees: 120 } }, actor: "test" })).leadId;
    const lead = (await findLeadById(t.ctx.db, repLeadId))!;
    await updateLead(t.ctx.db, { ...lead, ownerId: t.as.rep.userId });
  });
  afterAll(() => t.destroy());

  const send = (method: "GET" | "PUT" | "POST", url: string, payload?: object, as: TestUser = t.as.manager) =>
    t.app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });

  it("reads the rules with the criteria fit rules may name, and saves a change that reads back the same, numbers and lists intact", async () => {
    const read = await send("GET", "/api/v1/scoring/config", undefined, t.as.rep);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ ...DEFAULT_SCORING_CONFIG, criteria: expect.arrayContaining([{ key: "budget", label: "Budget" }]) });
    const changed = { ...DEFAULT_SCORING_CONFIG, buckets: { hot: 75, warm: 45, cold: 20 } };
    const saved = await send("PUT", "/api/v1/scoring/config", changed);
    expect(saved.statusCode, saved.body).toBe(200);
    const { criteria: _criteria, ...config } = (await send("GET", "/api/v1/scoring/config")).json();
    expect(config).toEqual(changed);
  });

  it.each([
    [{ ...DEFAULT_SCORING_CONFIG, buckets: { hot: 40, warm: 50, cold: 10 } }, /^buckets\./],
    [{ ...DEFAULT_SCORING_CONFIG, fitRules: [{ id: "x", label: "X", condition: { field: "qualification.colour", operator: "equals", value: "yes" }, points: 5 }] }, /^fitRules\.0\.condition\.field$/],
    [{ ...DEFAULT_SCORING_CONFIG, intentRules: [{ ...DEFAULT_SCORING_CONFIG.intentRules[0], halfLifeDays: 0 }] }, /^intentRules\.0\.halfLifeDays$/],
  ])("refuses rules that do not check with a 400 naming the field (%#)", async (body, field) => {
    const refused = await send("PUT", "/api/v1/scoring/config", body);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().field).toMatch(field);
  });

  it("previews draft rules on a lead beside its current score, without saving them", async () => {
    const draft = { ...DEFAULT_SCORING_CONFIG, fitRules: DEFAULT_SCORING_CONFIG.fitRules.map((rule) => (rule.id === "senior_title" ? { ...rule, points: 5 } : rule)) };
    const preview = await send("POST", "/api/v1/scoring/preview", { config: draft, leadIds: [repLeadId] });
    expect(preview.statusCode, preview.body).toBe(200);
    const [item] = preview.json().items;
    // Fit: senior title 25 + 50+ people 15 = 40 now; the draft makes the title worth 5: 20.
    expect(item).toMatchObject({ leadId: repLeadId, current: { fitScore: 40 }, preview: { fitScore: 20 } });
    expect(item.preview.explanation.length).toBeGreaterThan(0);
    expect((await send("GET", `/api/v1/leads/${repLeadId}/score`)).json().current.fitScore).toBe(40);
  });

  it("explains a lead's score to whoever may see the lead, and hides it from another rep", async () => {
    const read = await send("GET", `/api/v1/leads/${repLeadId}/score`, undefined, t.as.rep);
    expect(read.statusCode, read.body).toBe(200);
    const body = read.json();
    expect(body.current).toMatchObject({ intentLevel: "high", bucket: expect.any(String), scoredAt: expect.stringMatching(/Z$/) });
    expect(body.current.explanation).toEqual(expect.arrayContaining([expect.stringContaining("Asked for a demo")]));
    expect(body.history).toEqual([expect.objectContaining({ score: body.current.score })]);
    expect(body.playbook).toBeNull();
    expect((await send("GET", `/api/v1/leads/${repLeadId}/score`, undefined, t.as.otherRep)).statusCode).toBe(404);
  });
});
