import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_CLOSED_LEADS, MIN_WINS } from "../../domain/scoring/model/model-readiness.js";
import { SCORES_REFRESH_TASK } from "../../domain/scoring/rescoring-triggers.js";
import { findLatestScoringModel } from "../../store/scoring-models.js";
import { seedClosedLeads } from "../../../test/support/closed-lead-history.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { workspaceEvents } from "../../../test/support/workspace-events.js";
import { readModelReport } from "./read-model-report.js";
import { trainScoringModel } from "./train-scoring-model.js";

const HOUR_MS = 60 * 60 * 1000;

describe.each(ENGINES)("trainScoringModel on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
  });
  afterAll(() => database.destroy());

  it("refuses below the minimum history, saying how much more it needs", async () => {
    await seedClosedLeads(database.db, { count: 150, wins: 30, prefix: "early" });
    await expect(trainScoringModel(ctx, "user:user_mgr")).rejects.toMatchObject({
      code: "insufficient_history",
      message: `The model needs ${MIN_CLOSED_LEADS} closed leads with at least ${MIN_WINS} wins; you have 150 closed and 30 wins: 50 more closed leads and 10 more wins.`,
    });
    expect(await findLatestScoringModel(database.db)).toBeUndefined();
    expect(await workspaceEvents(database.db, "model_trained")).toEqual([]);
  });

  it("trains on the closed leads, stores version 1 with its report and appends model_trained; the next training is version 2", async () => {
    await seedClosedLeads(database.db, { count: 90, wins: 20, prefix: "later" });
    const first = await trainScoringModel(ctx, "user:user_mgr");
    expect(first.version).toBe(1);
    expect(first.report).toMatchObject({ closed: 240, wins: 50, folds: 5 });
    expect(first.report.auc).toBeGreaterThan(0.5);
    expect(first.report.signals.map((signal) => signal.feature).join(" ")).toMatch(/qualification\.budget/);

    const stored = await findLatestScoringModel(database.db);
    expect(stored).toMatchObject({ version: 1, trainedAt: ctx.clock.now(), trainedBy: "user:user_mgr", closedCount: 240, winCount: 50, report: first.report });
    expect(stored!.model.weights.length).toBeGreaterThan(0);
    const pending = await database.db.selectFrom("timers").select("task").where("task", "=", SCORES_REFRESH_TASK).execute();
    expect(pending).toHaveLength(1);

    ctx.clock.advance(HOUR_MS);
    const second = await trainScoringModel(ctx, "cli");
    expect(second.version).toBe(2);
    expect(await workspaceEvents(database.db, "model_trained")).toEqual([
      { actor: "user:user_mgr", at: ctx.clock.now() - HOUR_MS, data: { version: 1, auc: first.report.auc, brier: first.report.brier, closed: 240, wins: 50 } },
      { actor: "cli", at: ctx.clock.now(), data: { version: 2, auc: second.report.auc, brier: second.report.brier, closed: 240, wins: 50 } },
    ]);
  });

  it("reads the model page: readiness, the model in use and the months' close rates", async () => {
    const page = await readModelReport(ctx);
    expect(page.readiness).toMatchObject({ isReady: true, closed: 240, wins: 50 });
    expect(page.current).toMatchObject({ version: 2, trainedBy: "cli", report: { closed: 240 } });
    const budget = page.monthly.map((month) => month.criteria.budget!).reduce((sum, counts) => ({ closed: sum.closed + counts.metClosed + counts.unmetClosed, won: sum.won + counts.metWon + counts.unmetWon }), { closed: 0, won: 0 });
    expect(budget).toEqual({ closed: 240, won: 50 });
    expect(page.driftAlerts).toEqual([]);
  });
});
