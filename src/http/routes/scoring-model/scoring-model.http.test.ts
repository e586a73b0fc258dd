import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDriftAlertIfAbsent } from "../../../store/drift-alerts.js";
import { seedClosedLeads } from "../../../../test/support/closed-lead-history.js";
import { ENGINES } from "../../../../test/support/engines.js";
import { createTestApp, type TestApp, type TestCaller } from "../../../../test/support/http.js";

describe.each(ENGINES)("scoring model API (%s)", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.destroy());

  const page = (as: TestCaller = t.as.rep) => t.app.inject({ method: "GET", url: "/api/v1/scoring/model", headers: as.headers });
  const train = (as: TestCaller = t.as.manager) => t.app.inject({ method: "POST", url: "/api/v1/scoring/model/train", headers: as.headers });

  it("says how much history is missing, and refuses to train with 409 insufficient_history", async () => {
    await seedClosedLeads(t.ctx.db, { count: 120, wins: 25, prefix: "early" });
    const before = await page();
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({
      readiness: { isReady: false, closed: 120, wins: 25, missingClosed: 80, missingWins: 15, message: expect.stringContaining("80 more closed leads and 15 more wins") },
      current: null,
      driftAlerts: [],
    });
    const refused = await train();
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: "insufficient_history", detail: before.json().readiness.message });
  });

  it("trains with enough history (201) and shows the model in use with its report and the drift alerts", async () => {
    await seedClosedLeads(t.ctx.db, { count: 100, wins: 20, prefix: "later" });
    const trained = await train();
    expect(trained.statusCode, trained.body).toBe(201);
    const { version, report } = trained.json();
    expect(version).toBe(1);
    expect(report).toMatchObject({ closed: 220, wins: 45, folds: 5 });
    expect(report.reliability.length).toBeGreaterThan(0);
    expect(report.signals[0]).toEqual({ feature: expect.any(String), weight: expect.any(Number), words: expect.any(String) });

    await insertDriftAlertIfAbsent(
      t.ctx.db,
      { key: "criterion:budget:2026-02", kind: "criterion_separation", subject: "budget", month: "2026-02", message: "'Budget' no longer predicts wins: 21% vs 19%", numbers: { metRate: 0.21, unmetRate: 0.19 } },
      t.ctx.clock.now(),
    );
    const after = (await page()).json();
    expect(after.readiness).toMatchObject({ isReady: true, closed: 220, wins: 45 });
    expect(after.current).toEqual({ version: 1, trainedAt: new Date(t.ctx.clock.now()).toISOString(), trainedBy: `user:${t.as.manager.userId}`, report });
    expect(after.monthly.length).toBeGreaterThan(0);
    expect(after.monthly[0]).toMatchObject({ month: expect.stringMatching(/^\d{4}-\d{2}$/), buckets: { hot: { closed: 0, won: 0 } } });
    expect(after.driftAlerts).toEqual([
      { key: "criterion:budget:2026-02", kind: "criterion_separation", subject: "budget", month: "2026-02", message: expect.stringContaining("no longer predicts"), numbers: { metRate: 0.21, unmetRate: 0.19 }, detectedAt: new Date(t.ctx.clock.now()).toISOString() },
    ]);
    expect((await train(t.as.admin)).json().version).toBe(2);
  });

  it("lets everyone who reads leads see the model, and only those who manage scoring train it", async () => {
    expect((await page(t.as.anonymous)).statusCode).toBe(401);
    expect((await train(t.as.rep)).statusCode).toBe(403);
    expect((await train(t.as.leadsWriteKey)).statusCode).toBe(403);
    expect((await page(t.as.leadsWriteKey)).statusCode).toBe(403);
  });
});
