import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCORING_CONFIG } from "../../domain/scoring/scoring-config.js";
import { listLeadEvents } from "../../store/events.js";
import { findLeadScores } from "../../store/lead-scores.js";
import { seedClosedLeads } from "../../../test/support/closed-lead-history.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { captureLead } from "../capture-leads.js";
import { previewScoring } from "./preview-scoring.js";
import { refreshScoresPage } from "./rescore-leads.js";
import { saveScoringConfig } from "./scoring-config.js";
import { trainScoringModel } from "./train-scoring-model.js";

describe.each(ENGINES)("the learned model in live scores on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
  });
  afterAll(() => database.destroy());

  it("scores by rules alone until a model is trained, then blends the model's probability by the configured weight and records its version", async () => {
    const leadId = (await captureLead(ctx, { payload: { email: "ola@open.test", title: "Director of Ops", source: "referral" }, actor: "test" })).leadId;
    const before = (await findLeadScores(database.db, [leadId])).get(leadId)!;
    expect(before).toMatchObject({ modelVersion: null, modelProbability: null, score: before.ruleScore });

    await seedClosedLeads(database.db, { count: 240, wins: 60 });
    const { version } = await trainScoringModel(ctx, "user:user_mgr");
    await saveScoringConfig(ctx, { ...DEFAULT_SCORING_CONFIG, modelWeight: 0.4 }, "user:user_mgr");
    await database.db.transaction().execute((trx) => refreshScoresPage(trx, ctx, null, ctx.clock.now()));

    const after = (await findLeadScores(database.db, [leadId])).get(leadId)!;
    expect(after.modelVersion).toBe(version);
    expect(after.modelProbability).toBeGreaterThan(0);
    expect(after.modelProbability).toBeLessThan(1);
    // The rule score is computed unrounded; the blend of the rounded one is within a point of it.
    expect(Math.abs(after.score - (0.6 * after.ruleScore + 0.4 * 100 * after.modelProbability!))).toBeLessThanOrEqual(1);
    expect(after.contributions.some((c) => c.part === "model")).toBe(true);
    const scored = (await listLeadEvents(database.db, leadId)).filter((event) => event.type === "scored").at(-1)!;
    expect(scored.data).toMatchObject({ modelVersion: version, score: after.score });

    // The preview blends the model as live scores do: unchanged rules preview the current score; a lower model weight moves it toward the rules.
    const unchanged = await previewScoring(ctx, { config: { ...DEFAULT_SCORING_CONFIG, modelWeight: 0.4 }, leadIds: [leadId] });
    expect(unchanged[0]!.preview).toMatchObject({ score: after.score, modelVersion: version });
    const rulesOnly = await previewScoring(ctx, { config: { ...DEFAULT_SCORING_CONFIG, modelWeight: 0 }, leadIds: [leadId] });
    expect(rulesOnly[0]!.preview.score).toBe(after.ruleScore);

    // A lead captured now is scored by the model at capture, from the lead alone; the preview, reading everything stored about it, agrees.
    const newLeadId = (await captureLead(ctx, { payload: { email: "pia@new.test", title: "Head of Growth", source: "webinar", country: "DE" }, actor: "test" })).leadId;
    const atCapture = (await findLeadScores(database.db, [newLeadId])).get(newLeadId)!;
    expect(atCapture).toMatchObject({ modelVersion: version, modelProbability: expect.any(Number) });
    const [stored] = await previewScoring(ctx, { config: { ...DEFAULT_SCORING_CONFIG, modelWeight: 0.4 }, leadIds: [newLeadId] });
    expect(stored!.preview.modelProbability).toBe(atCapture.modelProbability);
  });
});
