import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LeadFacts } from "../routing/routing-rule.js";
import type { IntentSignal } from "./intent-signals.js";
import { type ModelOpinion, scoreLead } from "./score-lead.js";
import { DEFAULT_SCORING_CONFIG, type FitRule, INTENT_SIGNAL_KINDS, type IntentRule, type ScoringConfig } from "./scoring-config.js";
import { DAY_MS } from "../time.js";

const NOW = Date.UTC(2026, 5, 1, 12, 0);
const DETAILS = ["pricing", "demo", "blog", "webinar"];

const points = fc.integer({ min: -100, max: 100 });

const fitRule: fc.Arbitrary<FitRule> = fc.record({
  id: fc.constant("fit"),
  label: fc.constant("Fit rule"),
  condition: fc.oneof(
    fc.record({ field: fc.constant("title"), operator: fc.constant("contains" as const), value: fc.constantFrom("vp", "manager", "founder") }),
    fc.record({ field: fc.constant("custom.employees"), operator: fc.constant("gte" as const), value: fc.integer({ min: 0, max: 500 }) }),
    fc.record({ field: fc.constant("qualification.budget"), operator: fc.constant("equals" as const), value: fc.constantFrom("yes", "no") }),
  ),
  points,
});

const intentRule = (signal: fc.Arbitrary<IntentRule["signal"]>, rulePoints: fc.Arbitrary<number>): fc.Arbitrary<IntentRule> =>
  fc.record({
    id: fc.constant("intent"),
    label: fc.constant("Intent rule"),
    signal,
    match: fc.option(fc.constantFrom(...DETAILS), { nil: null }),
    points: rulePoints,
    halfLifeDays: fc.double({ min: 0.01, max: 3650, noNaN: true }),
    maxCount: fc.integer({ min: 1, max: 100 }),
    isHighIntent: fc.boolean(),
  });

const config: fc.Arbitrary<ScoringConfig> = fc.record({
  fitRules: fc.array(fitRule, { maxLength: 8 }),
  intentRules: fc.array(intentRule(fc.constantFrom(...INTENT_SIGNAL_KINDS), points), { maxLength: 10 }),
  buckets: fc.constant(DEFAULT_SCORING_CONFIG.buckets),
  intentLevels: fc.constant(DEFAULT_SCORING_CONFIG.intentLevels),
  fitShare: fc.double({ min: 0, max: 1, noNaN: true }),
  modelWeight: fc.double({ min: 0, max: 1, noNaN: true }),
  highIntentWindowDays: fc.integer({ min: 1, max: 365 }),
});

const signal: fc.Arbitrary<IntentSignal> = fc.record({
  kind: fc.constantFrom(...INTENT_SIGNAL_KINDS),
  // From a day in the future (a skewed clock) to two years back.
  at: fc.integer({ min: NOW - 730 * DAY_MS, max: NOW + DAY_MS }),
  details: fc.subarray(DETAILS),
});

const facts: fc.Arbitrary<LeadFacts> = fc.record({
  title: fc.constantFrom("VP of Sales", "Sales manager", "Founder", null),
  "custom.employees": fc.integer({ min: 1, max: 1000 }),
  "qualification.budget": fc.constantFrom("yes", "no", "unknown"),
});

const model: fc.Arbitrary<ModelOpinion | null> = fc.option(
  fc.record({ version: fc.constant(1), probability: fc.double({ min: 0, max: 1, noNaN: true }), contributions: fc.constant([]) }),
  { nil: null },
);

const isScore = (value: number) => Number.isInteger(value) && value >= 0 && value <= 100;

describe("scoreLead properties", () => {
  it("always gives integers from 0 to 100 for the score and each of its parts", () => {
    fc.assert(
      fc.property(config, facts, fc.array(signal, { maxLength: 40 }), model, (scoring, leadFacts, signals, opinion) => {
        const result = scoreLead(scoring, { facts: leadFacts, signals, now: NOW, model: opinion });
        expect([result.score, result.fitScore, result.intentScore, result.ruleScore].every(isScore)).toBe(true);
      }),
    );
  });

  it("never lowers the score when a signal that only positive-points rules match is added", () => {
    fc.assert(
      fc.property(config, facts, fc.array(signal, { maxLength: 30 }), model, signal, fc.integer({ min: 1, max: 100 }), (base, leadFacts, signals, opinion, added, addedPoints) => {
        // Rules of the added signal's kind with negative points could match it too, so they go; one positive rule surely matches it.
        const matching = { ...intentRuleFor(added), points: addedPoints };
        const scoring = { ...base, intentRules: [...base.intentRules.filter((rule) => rule.signal !== added.kind || rule.points >= 0), matching] };
        const before = scoreLead(scoring, { facts: leadFacts, signals, now: NOW, model: opinion });
        const after = scoreLead(scoring, { facts: leadFacts, signals: [...signals, added], now: NOW, model: opinion });
        expect(after.intentScore).toBeGreaterThanOrEqual(before.intentScore);
        expect(after.ruleScore).toBeGreaterThanOrEqual(before.ruleScore);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
    );
  });

  it("halves a signal's points at exactly one half-life and quarters them at two", () => {
    // Half-lives in whole milliseconds, so the signal's timestamp is exactly one or two half-lives back.
    const halfLifeMs = fc.integer({ min: 1, max: 3650 * DAY_MS });
    fc.assert(
      fc.property(intentRule(fc.constant("page_view"), points.filter((p) => p !== 0)), halfLifeMs, (drawn, ms) => {
        const rule = { ...drawn, halfLifeDays: ms / DAY_MS };
        const contributionAt = (halfLives: number) => {
          const only: IntentSignal = { kind: "page_view", at: NOW - halfLives * ms, details: DETAILS };
          const result = scoreLead({ ...DEFAULT_SCORING_CONFIG, intentRules: [rule] }, { facts: {}, signals: [only], now: NOW, model: null });
          return result.contributions.find((contribution) => contribution.ruleId === rule.id)?.points;
        };
        expect(contributionAt(0)).toBe(rule.points);
        expect(contributionAt(1)).toBeCloseTo(rule.points / 2, 12);
        expect(contributionAt(2)).toBeCloseTo(rule.points / 4, 12);
      }),
    );
  });
});

/** A rule that surely matches the signal: of its kind, matching its first detail (or every signal when it has none). */
function intentRuleFor(signal: IntentSignal): IntentRule {
  return { id: "added", label: "Added", signal: signal.kind, match: signal.details[0] ?? null, points: 1, halfLifeDays: 7, maxCount: 1, isHighIntent: false };
}
