import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AttentionRanking, compareByUrgency, orderByUrgency } from "./attention-order.js";
import { ATTENTION_REASON_CODES, type AttentionReasonCode, urgencyRank } from "./attention-reason.js";

const reasonsOf = (codes: AttentionReasonCode[]) => codes.map((code) => ({ code, detail: code }));

const item = (leadId: string, codes: AttentionReasonCode[], valueCents: number | null = null, createdAt = 0, score = 0): AttentionRanking => ({
  leadId,
  reasons: reasonsOf(codes),
  score,
  valueCents,
  createdAt,
});

const arbitraryItem = fc.record({
  leadId: fc.string({ minLength: 1, maxLength: 6 }),
  reasons: fc.uniqueArray(fc.constantFrom(...ATTENTION_REASON_CODES), { minLength: 1 }).map(reasonsOf),
  score: fc.integer({ min: 0, max: 3 }),
  valueCents: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  createdAt: fc.integer({ min: 0, max: 5 }),
});

const topRank = (ranking: AttentionRanking) => Math.min(...ranking.reasons.map((reason) => urgencyRank(reason.code)));

describe("orderByUrgency", () => {
  it("ranks by the most urgent reason, whatever the value", () => {
    const ordered = orderByUrgency([
      item("stalled", ["stalled"], 900_000),
      item("no_step", ["no_next_step"], 500_000),
      item("at_risk", ["sla_at_risk", "stalled"]),
      item("overdue", ["next_step_overdue"]),
      item("reply", ["stalled", "reply_waiting"]),
      item("breached", ["sla_breached"]),
    ]);
    expect(ordered.map((entry) => entry.leadId)).toEqual(["breached", "reply", "overdue", "at_risk", "no_step", "stalled"]);
  });

  it("breaks ties by score, then value (none last), then the oldest lead", () => {
    const ordered = orderByUrgency([
      item("no_value_old", ["stalled"], null, 1),
      item("small", ["stalled"], 100, 5),
      item("big_new", ["stalled"], 900, 9),
      item("big_old", ["stalled"], 900, 2),
      item("scored", ["stalled"], null, 9, 50),
    ]);
    expect(ordered.map((entry) => entry.leadId)).toEqual(["scored", "big_old", "big_new", "small", "no_value_old"]);
  });

  it("puts every adjacent pair in order: urgency, then score, then value, then age", () => {
    fc.assert(
      fc.property(fc.array(arbitraryItem, { maxLength: 30 }), (items) => {
        const ordered = orderByUrgency(items);
        for (let index = 1; index < ordered.length; index++) {
          const [before, after] = [ordered[index - 1]!, ordered[index]!];
          expect(topRank(before)).toBeLessThanOrEqual(topRank(after));
          if (topRank(before) !== topRank(after)) continue;
          expect(before.score).toBeGreaterThanOrEqual(after.score);
          if (before.score !== after.score) continue;
          expect(after.valueCents === null || (before.valueCents !== null && before.valueCents >= after.valueCents)).toBe(true);
          if (before.valueCents !== after.valueCents) continue;
          expect(before.createdAt).toBeLessThanOrEqual(after.createdAt);
        }
      }),
    );
  });

  it("is a permutation that does not depend on the input order", () => {
    fc.assert(
      fc.property(fc.array(arbitraryItem, { maxLength: 30 }).chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length }))), ([items, shuffled]) => {
        const ordered = orderByUrgency(items);
        expect(ordered).toHaveLength(items.length);
        expect(new Set(ordered)).toEqual(new Set(items));
        expect(orderByUrgency(shuffled).map((entry) => [entry.leadId, topRank(entry), entry.score, entry.valueCents, entry.createdAt])).toEqual(
          ordered.map((entry) => [entry.leadId, topRank(entry), entry.score, entry.valueCents, entry.createdAt]),
        );
      }),
    );
  });

  it("compares antisymmetrically", () => {
    fc.assert(
      fc.property(arbitraryItem, arbitraryItem, (a, b) => {
        expect(Math.sign(compareByUrgency(a, b))).toBe(-Math.sign(compareByUrgency(b, a)) || 0);
      }),
    );
  });
});
