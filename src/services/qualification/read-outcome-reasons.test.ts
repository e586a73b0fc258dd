import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../domain/access/permission.js";
import { ENGINES, openTestDatabase, REFERENCE_TIME, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { captureLead } from "../capture-leads.js";
import { moveLeadStage } from "../pipeline/move-lead-stage.js";
import { disqualifyLead } from "./disqualify-lead.js";
import { readOutcomeReasons } from "./read-outcome-reasons.js";
import { requalifyLead } from "./requalify-lead.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const manager: Principal = { kind: "user", userId: "user_max", role: "manager" };

describe.each(ENGINES)("outcome reasons report on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let serial = 0;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
  });
  afterAll(() => database.destroy());

  async function lead(source: string, campaign?: string): Promise<string> {
    const { leadId } = await captureLead(ctx, { payload: { email: `reasons-${++serial}@lead.test`, source, ...(campaign ? { campaign } : {}) }, actor: "test" });
    return leadId;
  }

  const at = (hours: number) => ctx.clock.set(REFERENCE_TIME + hours * HOUR);
  const disqualify = (leadId: string, reason: string, note?: string) => disqualifyLead(ctx, manager, leadId, { reason, note });
  const lose = (leadId: string, reason: string) => moveLeadStage(ctx, manager, leadId, { stage: "lost", reason });
  const reopen = (leadId: string) => moveLeadStage(ctx, manager, leadId, { stage: "contacted" });

  it("counts disqualification and lost reasons per source and campaign, each lead as its latest outcome (hand-computed)", async () => {
    // Range [REFERENCE_TIME, REFERENCE_TIME + 1 day):
    // g: disqualified no_budget 1 hour before the range                 → outside
    // a, b: google/spring no_budget                                     → dq google/spring/no_budget 2
    // c: google/spring spam, then requalified                           → not counted
    // d: linkedin (no campaign) other with a note                       → dq linkedin/-/other 1
    // e: google/spring lost price, reopened, disqualified poor_fit      → dq google/spring/poor_fit 1 (not lost)
    // f: google/summer lost price                                       → lost google/summer/price 1
    // h: google/spring disqualified spam just after the range           → outside
    const [a, b, c, d, e, f, g, h] = [await lead("google", "spring"), await lead("google", "spring"), await lead("google", "spring"), await lead("linkedin"), await lead("google", "spring"), await lead("google", "summer"), await lead("google", "spring"), await lead("google", "spring")];
    at(-1);
    await disqualify(g!, "no_budget");
    at(1);
    await disqualify(a!, "no_budget");
    await lose(e!, "price");
    at(2);
    await disqualify(b!, "no_budget");
    await lose(f!, "price");
    at(3);
    await disqualify(c!, "spam");
    await reopen(e!);
    at(4);
    await requalifyLead(ctx, manager, c!);
    await disqualify(d!, "other", "Agency shopping for a client");
    at(5);
    await disqualify(e!, "poor_fit");
    at(24);
    await disqualify(h!, "spam");

    const report = await readOutcomeReasons(ctx, { from: REFERENCE_TIME, to: REFERENCE_TIME + DAY });
    expect(report).toEqual({
      from: REFERENCE_TIME,
      to: REFERENCE_TIME + DAY,
      disqualified: [
        { source: "google", campaign: "spring", reason: "no_budget", label: "No budget", count: 2 },
        { source: "google", campaign: "spring", reason: "poor_fit", label: "Poor fit", count: 1 },
        { source: "linkedin", campaign: null, reason: "other", label: "Other", count: 1 },
      ],
      lost: [{ source: "google", campaign: "summer", reason: "price", label: "Price", count: 1 }],
    });
  });

  it("looks back 30 days from now by default and refuses a range that ends before it starts", async () => {
    at(48);
    const report = await readOutcomeReasons(ctx, {});
    expect([report.from, report.to]).toEqual([ctx.clock.now() - 30 * DAY, ctx.clock.now()]);
    expect(report.disqualified.reduce((sum, row) => sum + row.count, 0)).toBe(6);
    await expect(readOutcomeReasons(ctx, { from: REFERENCE_TIME, to: REFERENCE_TIME })).rejects.toMatchObject({ code: "invalid", field: "from" });
  });
});
