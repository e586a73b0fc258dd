import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewLeadEvent } from "../../domain/lead/lead-event.js";
import { SCORES_REFRESH_TASK, scoresRefreshTimerKey } from "../../domain/scoring/rescoring-triggers.js";
import { scoreLead, scoringFacts } from "../../domain/scoring/score-lead.js";
import { DEFAULT_SCORING_CONFIG } from "../../domain/scoring/scoring-config.js";
import { appendEvents, listLeadEvents } from "../../store/events.js";
import { findLeadScores } from "../../store/lead-scores.js";
import { findLeadById } from "../../store/leads.js";
import { saveQualificationAnswers } from "../../store/qualification-answers.js";
import { findTimerByKey } from "../../store/timers.js";
import { seedClosedLeads } from "../../../test/support/closed-lead-history.js";
import { ENGINES, openTestDatabase, type TestContext, testContext, type TestDatabase } from "../../../test/support/engines.js";
import { refreshScoresPage } from "./rescore-leads.js";
import { trainScoringModel } from "./train-scoring-model.js";
import { DAY_MS } from "../../domain/time.js";

const HOUR_MS = 3_600_000;

describe.each(ENGINES)("closed leads scored as of their close on %s", (engine) => {
  let database: TestDatabase;
  let ctx: TestContext;
  let leadIds: string[];
  const refresh = (afterId: string | null = null, pageSize?: number) => database.db.transaction().execute((trx) => refreshScoresPage(trx, ctx, afterId, ctx.clock.now(), pageSize));
  const closedAtOf = async (leadId: string) => (await database.db.selectFrom("lead_pipeline").select("closed_at").where("lead_id", "=", leadId).executeTakeFirstOrThrow()).closed_at!;
  const pricingVisit = (leadId: string, at: number): NewLeadEvent => ({ leadId, type: "activity", actor: "visitor", at, data: { kind: "page_view", url: "https://example.com/pricing", title: "Pricing" } });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    ctx = testContext(database.db);
    // Closed before scoring existed: no lead_scores rows. A model trained on them is in use.
    leadIds = (await seedClosedLeads(database.db, { count: 240, wins: 60 })).leadIds;
    await trainScoringModel(ctx, "user:user_mgr");
  });
  afterAll(() => database.destroy());

  it("scores closed leads by the rules alone, from what was known before they closed, with a `scored` event at the close", async () => {
    const [late, early] = [leadIds[0]!, leadIds[1]!];
    const [lateClosedAt, earlyClosedAt] = [await closedAtOf(late), await closedAtOf(early)];
    // After the close: a pricing visit and a confirmed decision maker, which must not count.
    await appendEvents(database.db, [pricingVisit(late, lateClosedAt + HOUR_MS), pricingVisit(early, earlyClosedAt - HOUR_MS)]);
    await saveQualificationAnswers(database.db, late, [{ criterion: "authority", answer: "yes", notes: null, answeredBy: "user:user_rep", answeredAt: lateClosedAt + HOUR_MS }]);

    await refresh();

    const scores = await findLeadScores(database.db, leadIds);
    expect(scores.size).toBe(leadIds.length);
    expect([...scores.values()].every((score) => score.modelVersion === null && score.modelProbability === null && score.playbookId === null)).toBe(true);
    const lead = (await findLeadById(database.db, late))!;
    const asOfClose = scoreLead(DEFAULT_SCORING_CONFIG, { facts: scoringFacts(lead, [{ criterion: "budget", answer: "no" }]), signals: [], now: lateClosedAt, model: null });
    expect(scores.get(late)).toMatchObject({ score: asOfClose.score, bucket: asOfClose.bucket, intentLevel: asOfClose.intentLevel, scoredAt: lateClosedAt });
    expect(scores.get(late)!.contributions.map((c) => c.ruleId)).not.toContain("pricing_visit");
    expect(scores.get(late)!.contributions.map((c) => c.ruleId)).not.toContain("authority_confirmed");
    // A visit an hour before the close counts, decayed to the close.
    expect(scores.get(early)!.contributions.find((c) => c.ruleId === "pricing_visit")?.points).toBeCloseTo(15 * 0.5 ** (1 / 24 / 7), 6);
    const scored = (await listLeadEvents(database.db, late)).filter((event) => event.type === "scored");
    expect(scored).toEqual([expect.objectContaining({ actor: "system", at: lateClosedAt, data: expect.objectContaining({ score: asOfClose.score, bucket: asOfClose.bucket, modelVersion: null, previousScore: null }) })]);
    expect(await findTimerByKey(database.db, scoresRefreshTimerKey)).toMatchObject({ task: SCORES_REFRESH_TASK, payload: { afterId: null }, runAt: ctx.clock.now() + DAY_MS });
  });

  it("changes nothing on a second pass: scored closed leads keep the score they closed with", async () => {
    const snapshot = async () => ({
      scores: await findLeadScores(database.db, leadIds),
      events: Number((await database.db.selectFrom("events").where("type", "=", "scored").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    });
    const before = await snapshot();
    ctx.clock.advance(DAY_MS);
    await refresh();
    expect(await snapshot()).toEqual(before);
  });

  it("goes on at once while a whole page of closed leads was scored, then schedules the daily pass", async () => {
    const more = (await seedClosedLeads(database.db, { count: 25, wins: 5, prefix: "more" })).leadIds;
    const delays: number[] = [];
    let afterId: string | null = null;
    while (delays.at(-1) !== DAY_MS && delays.length < 5) {
      await refresh(afterId, 10);
      const timer = (await findTimerByKey(database.db, scoresRefreshTimerKey))!;
      delays.push(timer.runAt - ctx.clock.now());
      afterId = (timer.payload as { afterId: string | null }).afterId;
    }
    expect(delays).toEqual([0, 0, DAY_MS]);
    expect((await findLeadScores(database.db, more)).size).toBe(25);
  });
});
