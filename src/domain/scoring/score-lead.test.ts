import { describe, expect, it } from "vitest";
import { buildLead } from "../../../test/support/factories.js";
import type { IntentSignal } from "./intent-signals.js";
import { bucketOf, type ModelOpinion, scoreLead, scoringFacts } from "./score-lead.js";
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from "./scoring-config.js";
import { DAY_MS } from "../time.js";

const NOW = Date.UTC(2026, 5, 1, 12, 0);
const daysAgo = (days: number) => NOW - days * DAY_MS;
const signal = (kind: IntentSignal["kind"], days: number, details: string[] = []): IntentSignal => ({ kind, at: daysAgo(days), details });

const vp = buildLead({ id: "lead_ana", title: "VP of Sales", email: "ana@gmail.com", custom: { employees: 120 } });
const vpFacts = scoringFacts(vp, [
  { criterion: "budget", answer: "yes" },
  { criterion: "need", answer: "no" },
]);
const score = (signals: IntentSignal[], options: { facts?: typeof vpFacts; model?: ModelOpinion | null; config?: ScoringConfig } = {}) =>
  scoreLead(options.config ?? DEFAULT_SCORING_CONFIG, { facts: options.facts ?? vpFacts, signals, now: NOW, model: options.model ?? null });

// Half-lives in the default config: demo 30 days, pricing and page views 7, replies 14.
const vpSignals = [
  signal("captured", 30, ["form_key", "demo-request"]),
  signal("page_view", 7, ["https://closeloop.test/pricing", "Pricing"]),
  signal("page_view", 14, ["https://closeloop.test/Pricing"]),
  signal("replied", 0),
];

describe("scoringFacts", () => {
  it("adds each qualification answer to the lead's routing facts", () => {
    expect(vpFacts).toMatchObject({ title: "VP of Sales", emailDomain: "gmail.com", "custom.employees": 120, "qualification.budget": "yes", "qualification.need": "no" });
  });
});

describe("scoreLead", () => {
  it("scores a VP who asked for a demo, looked at pricing twice and replied, exactly", () => {
    const result = score(vpSignals);
    // fit: senior title 25 + 120 employees 15 + budget yes 20 + gmail -10 = 50 (need "no" and manager title do not match)
    expect(result.fitScore).toBe(50);
    // intent: demo 45·0.5^(30/30) = 22.5; pricing 15·0.5^(7/7) + 15·0.5^(14/7) = 7.5 + 3.75 = 11.25;
    // any page 2·0.5 + 2·0.25 = 1.5; reply today 20. Sum 55.25 → 55
    expect(result.intentScore).toBe(55);
    // rule: 0.5·50 + 0.5·55.25 = 52.625 → 53, warm (40 ≤ 53 < 70)
    expect(result.ruleScore).toBe(53);
    expect(result.score).toBe(53);
    expect(result.bucket).toBe("warm");
    // 55 reaches intentLevels.high (55); a pricing visit 7 days ago is also inside the 14-day window
    expect(result.intentLevel).toBe("high");
    expect(result.modelProbability).toBeNull();
    expect(result.modelVersion).toBeNull();
    expect(result.contributions.map((c) => [c.ruleId, c.part, c.points])).toEqual([
      ["senior_title", "fit", 25],
      ["asked_for_demo", "intent", 22.5],
      ["budget_confirmed", "fit", 20],
      ["replied", "intent", 20],
      ["company_50_plus", "fit", 15],
      ["pricing_visit", "intent", 11.25],
      ["personal_email", "fit", -10],
      ["page_view", "intent", 1.5],
    ]);
    expect(result.contributions.map((c) => c.words)).toEqual([
      "Senior title (VP of Sales): +25 fit",
      "Asked for a demo (30 days ago): +23 intent, decayed from 45",
      "Budget confirmed: +20 fit",
      "Replied (today): +20 intent",
      "Company of 50+ people (employees: 120): +15 fit",
      "Visited the pricing page 2× (most recent 7 days ago): +11 intent, decayed from 30",
      "Personal email address (gmail.com): -10 fit",
      "Visited the website 2× (most recent 7 days ago): +2 intent, decayed from 4",
    ]);
    expect(result.explanation).toEqual(["Senior title (VP of Sales): +25 fit", "Asked for a demo (30 days ago): +23 intent, decayed from 45", "Budget confirmed: +20 fit"]);
  });

  it("blends in the model's probability by modelWeight and ranks its contributions with the rules'", () => {
    const model: ModelOpinion = { version: 3, probability: 0.9, contributions: [{ ruleId: "model:title", part: "model", label: "Title", points: 24, words: "Title VP of Sales: +24 for the model" }] };
    const result = score(vpSignals, { model });
    // 0.5·52.625 + 0.5·(100·0.9) = 26.3125 + 45 = 71.3125 → 71, hot (≥ 70); the rule score stays 53
    expect(result.score).toBe(71);
    expect(result.ruleScore).toBe(53);
    expect(result.bucket).toBe("hot");
    expect(result.modelProbability).toBe(0.9);
    expect(result.modelVersion).toBe(3);
    // Ranked by score points: the model's 24 as they are; the rules' weighed by their part's share
    // (0.5) and the rules' share beside the model (0.5): 25 → 6.25 and 22.5 → 5.6.
    expect(result.explanation).toEqual(["Title VP of Sales: +24 for the model", "Senior title (VP of Sales): +25 fit", "Asked for a demo (30 days ago): +23 intent, decayed from 45"]);
  });

  it("counts only the most recent maxCount signals of a rule, matching details case-insensitively", () => {
    const visits = [0, 7, 14, 21, 28].map((days) => signal("page_view", days, ["/PRICING"]));
    const pricing = score(visits).contributions.find((c) => c.ruleId === "pricing_visit");
    // maxCount 3: 15·(1 + 0.5 + 0.25) = 26.25; the visits 21 and 28 days ago do not count
    expect(pricing?.points).toBe(26.25);
    expect(pricing?.words).toBe("Visited the pricing page 3× (most recent today): +26 intent, decayed from 45");
  });

  it("counts a signal stamped in the future as happening now", () => {
    expect(score([signal("replied", -1)]).contributions.find((c) => c.ruleId === "replied")?.points).toBe(20);
  });

  it("keeps fit at 0 when only negative rules match, and scores a lead with nothing as unqualified and low", () => {
    const nobody = scoringFacts(buildLead({ id: "lead_x", email: "x@gmail.com" }), []);
    expect(score([], { facts: nobody })).toMatchObject({ score: 0, fitScore: 0, intentScore: 0, ruleScore: 0, bucket: "unqualified", intentLevel: "low" });
  });

  describe("intent level", () => {
    const nobody = scoringFacts(buildLead({ id: "lead_x", email: "x@acme.test" }), []);
    const levelOf = (signals: IntentSignal[]) => score(signals, { facts: nobody }).intentLevel;

    it("is low for a lead that was only captured, however recently", () => {
      // newsletter 5 points, no fit: rule 0.5·5 = 2.5 → 3, unqualified
      expect(score([signal("captured", 0, ["newsletter"])], { facts: nobody })).toMatchObject({ intentScore: 5, score: 3, intentLevel: "low", bucket: "unqualified" });
    });

    it("is medium for any action of the lead's own inside the window, or an intent part at the medium threshold", () => {
      expect(levelOf([signal("page_view", 1, ["/blog"])])).toBe("medium");
      // two meetings held 60 days ago (half-life 60): 20·0.5 + 20·0.5 = 20 = intentLevels.medium, though outside the window
      expect(levelOf([signal("meeting_held", 60), signal("meeting_held", 60)])).toBe("medium");
      expect(levelOf([signal("page_view", 15, ["/blog"])])).toBe("low");
    });

    it("is high for a high-intent action inside the window (its last day included), though the intent part is below high", () => {
      // booked 14 days ago: 35·0.5^(14/30) ≈ 25.3 < 55, but booking is high intent and 14 ≤ 14 days
      expect(levelOf([signal("meeting_booked", 14)])).toBe("high");
      expect(levelOf([signal("meeting_booked", 15)])).toBe("medium");
    });

    it("is high when the intent part reaches the high threshold with nothing recent", () => {
      const config: ScoringConfig = { ...DEFAULT_SCORING_CONFIG, intentLevels: { high: 40, medium: 20 } };
      // meeting held 60 days ago twice: 20 → medium; plus demo asked 30 days ago: 22.5 → 42.5 ≥ 40
      expect(score([signal("meeting_held", 60), signal("meeting_held", 60), signal("captured", 30, ["demo"])], { facts: nobody, config }).intentLevel).toBe("high");
    });
  });

  it("weighs fit and intent by fitShare", () => {
    const ruleScoreAt = (fitShare: number) => score(vpSignals, { config: { ...DEFAULT_SCORING_CONFIG, fitShare } }).ruleScore;
    // fit 50, intent 55.25: 1 → 50; 0 → 55.25 → 55; 0.25 → 12.5 + 41.4375 = 53.9375 → 54
    expect([1, 0, 0.25].map(ruleScoreAt)).toEqual([50, 55, 54]);
  });
});

describe("bucketOf", () => {
  it("puts a score in the first bucket whose threshold it reaches", () => {
    const thresholds = DEFAULT_SCORING_CONFIG.buckets;
    expect([100, 70, 69, 40, 39, 15, 14, 0].map((value) => bucketOf(value, thresholds))).toEqual(["hot", "hot", "warm", "warm", "cold", "cold", "unqualified", "unqualified"]);
  });
});
