import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureLead } from "../../../services/capture-leads.js";
import { ENGINES, REFERENCE_TIME } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp } from "../../../../test/support/http.js";
import { isoOf } from "../../instants.js";

const HOUR = 3_600_000;

describe.each(ENGINES)("outcome reasons report API (%s)", (engine) => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const disqualify = (leadId: string, reason: string, note?: string) =>
    t.app.inject({ method: "POST", url: `/api/v1/leads/${leadId}/disqualify`, headers: t.as.manager.headers, payload: { reason, ...(note ? { note } : {}) } });
  const report = (query: string, as = t.as.manager) => t.app.inject({ method: "GET", url: `/api/v1/reports/outcome-reasons${query}`, headers: as.headers });

  async function lead(source: string, campaign: string | null): Promise<string> {
    const { leadId } = await captureLead(t.ctx, { payload: { email: `report-${++serial}@example.com`, source, ...(campaign ? { campaign } : {}) }, actor: "test" });
    return leadId;
  }

  it("groups disqualification and lost reasons by source and campaign (hand-computed)", async () => {
    // Hand-computed over [REFERENCE_TIME, +1 day): ads/brand no_budget ×2, ads/brand competitor ×1,
    // referral/- other ×1 (its earlier spam disqualification was undone by requalifying), lost ads/- price ×1.
    const [a, b, c, d, e] = [await lead("ads", "brand"), await lead("ads", "brand"), await lead("ads", "brand"), await lead("referral", null), await lead("ads", null)];
    t.ctx.clock.set(REFERENCE_TIME + HOUR);
    for (const id of [a, b]) expect((await disqualify(id!, "no_budget")).statusCode).toBe(200);
    await disqualify(c!, "competitor");
    await disqualify(d!, "spam");
    await t.app.inject({ method: "POST", url: `/api/v1/leads/${d}/requalify`, headers: t.as.manager.headers });
    await disqualify(d!, "other", "Wants a free consultation only");
    expect((await t.app.inject({ method: "POST", url: `/api/v1/leads/${e}/stage`, headers: t.as.manager.headers, payload: { stage: "lost", reason: "price" } })).statusCode).toBe(200);

    const response = await report(`?from=${isoOf(REFERENCE_TIME)}&to=${isoOf(REFERENCE_TIME + 24 * HOUR)}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      from: isoOf(REFERENCE_TIME),
      to: isoOf(REFERENCE_TIME + 24 * HOUR),
      disqualified: [
        { source: "ads", campaign: "brand", reason: "no_budget", label: "No budget", count: 2 },
        { source: "ads", campaign: "brand", reason: "competitor", label: "Competitor", count: 1 },
        { source: "referral", campaign: null, reason: "other", label: "Other", count: 1 },
      ],
      lost: [{ source: "ads", campaign: null, reason: "price", label: "Price", count: 1 }],
    });
    expect((await report(`?from=${isoOf(REFERENCE_TIME + 2 * HOUR)}&to=${isoOf(REFERENCE_TIME + 3 * HOUR)}`)).json()).toMatchObject({ disqualified: [], lost: [] });
  });

  it.each([
    ["?from=2026-03-02T10:00:00Z&to=2026-03-02T10:00:00Z", "from"],
    ["?from=-1", "from"],
    [`?from=${REFERENCE_TIME}`, "from"],
    ["?to=soon", "to"],
    ["?to=2026-06-30T23:59:60Z", "to"],
    ["?since=1", "since"],
    ["?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from"],
  ])("%s → 400 naming %s", async (query, field) => {
    const response = await report(query);
    expect([response.statusCode, response.json().field]).toEqual([400, field]);
  });

  it("is for the people who configure the pipeline: a rep gets 403", async () => {
    expect((await report("", t.as.rep)).statusCode).toBe(403);
  });
});
