import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ResponseVersion } from "./objection.js";
import { type LeadOutcome, leadOutcome, type ObjectionLog, rankSuggestions, responseWinRates } from "./win-rates.js";

function version(id: string, responseId: string, versionNumber: number, createdAt: number): ResponseVersion {
  return { id, objectionId: "obj_price", responseId, version: versionNumber, text: `${id} wording`, createdAt };
}

const log = (leadId: string, responseVersionId: string | null): ObjectionLog => ({ leadId, objectionId: "obj_price", responseVersionId });

describe("leadOutcome", () => {
  it.each([
    [["created", "touch"], "open"],
    [["created", "won"], "won"],
    [["created", "lost"], "lost"],
    [["created", "disqualified"], "lost"],
    [["lost", "touch", "won"], "won"],
    [["lost", "reopened"], "open"],
    [["disqualified", "requalified"], "open"],
    [["won", "reopened", "lost"], "lost"],
  ] as const)("reads %j as %s", (types, outcome) => {
    expect(leadOutcome(types)).toBe(outcome);
  });
});

describe("responseWinRates", () => {
  // Hand-computed: roi_v1 heard by l1 (won), l2 (won), l3 (lost), l4 (open) → 2 / 3.
  // pilot_v1 heard by l5 (lost), l6 (won, logged twice: counts once), l3 (lost) → 1 / 3.
  // pilot_v2 heard by l7 (open) only → no closed lead, rate null. l8 had no response: ignored.
  const logs = [log("l1", "roi_v1"), log("l2", "roi_v1"), log("l3", "roi_v1"), log("l4", "roi_v1"), log("l5", "pilot_v1"), log("l6", "pilot_v1"), log("l6", "pilot_v1"), log("l3", "pilot_v1"), log("l7", "pilot_v2"), log("l8", null)];
  const outcomes = new Map<string, LeadOutcome>([["l1", "won"], ["l2", "won"], ["l3", "lost"], ["l4", "open"], ["l5", "lost"], ["l6", "won"]]);

  it("matches the hand-computed fixture, counting a lead once per version", () => {
    const rates = responseWinRates(logs, outcomes);
    expect([...rates.values()]).toEqual([
      { responseVersionId: "roi_v1", wins: 2, losses: 1, open: 1, winRate: 2 / 3 },
      { responseVersionId: "pilot_v1", wins: 1, losses: 2, open: 0, winRate: 1 / 3 },
      { responseVersionId: "pilot_v2", wins: 0, losses: 0, open: 1, winRate: null },
    ]);
  });

  const versionIds = ["v1", "v2", "v3"];
  const arbitraryLogs = fc.array(fc.record({ leadId: fc.constantFrom("a", "b", "c", "d", "e", "f"), objectionId: fc.constant("obj"), responseVersionId: fc.constantFrom(...versionIds) }), { maxLength: 30 });
  const arbitraryOutcomes = fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e", "f"), fc.constantFrom<LeadOutcome>("won", "lost", "open")).map((o) => new Map(Object.entries(o)));

  it("keeps every win rate within [0, 1]", () => {
    fc.assert(
      fc.property(arbitraryLogs, arbitraryOutcomes, (someLogs, someOutcomes) => {
        for (const rate of responseWinRates(someLogs, someOutcomes).values()) {
          if (rate.winRate !== null) expect(rate.winRate).toBeGreaterThanOrEqual(0);
          if (rate.winRate !== null) expect(rate.winRate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("never lowers a version's rate when one more lead that heard it is won", () => {
    fc.assert(
      fc.property(arbitraryLogs, arbitraryOutcomes, fc.constantFrom(...versionIds), (someLogs, someOutcomes, versionId) => {
        const before = responseWinRates(someLogs, someOutcomes).get(versionId)?.winRate ?? 0;
        const after = responseWinRates([...someLogs, log("new-lead", versionId)], new Map([...someOutcomes, ["new-lead", "won"]])).get(versionId)?.winRate;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe("rankSuggestions", () => {
  it("orders by win rate, then sample size, then the newest version; unproven versions last", () => {
    const versions = [version("a", "r1", 1, 100), version("b", "r2", 1, 200), version("c", "r3", 1, 300), version("d", "r3", 2, 400), version("e", "r4", 1, 500)];
    const rates = responseWinRates(
      [log("1", "a"), log("2", "a"), log("3", "b"), log("4", "b"), log("5", "b"), log("6", "b"), log("7", "c"), log("8", "c"), log("9", "d"), log("10", "d"), log("11", "e")],
      new Map<string, LeadOutcome>([["1", "won"], ["2", "lost"], ["3", "won"], ["4", "won"], ["5", "lost"], ["6", "lost"], ["7", "won"], ["8", "lost"], ["9", "won"], ["10", "lost"]]),
    );
    // a, b, c and d all win 50%: b has 4 closed leads; c and d have 2 like a, and d is newest, then c.
    const ranked = rankSuggestions(versions, rates);
    expect(ranked.map((s) => s.version.id)).toEqual(["b", "d", "c", "a", "e"]);
    expect(ranked.map((s) => s.isCurrent)).toEqual([true, true, false, true, true]);
  });

  it("puts a higher win rate first even on a smaller sample", () => {
    const versions = [version("big", "r1", 1, 100), version("small", "r2", 1, 100)];
    const rates = responseWinRates([log("1", "big"), log("2", "big"), log("3", "big"), log("4", "small")], new Map<string, LeadOutcome>([["1", "won"], ["2", "lost"], ["3", "lost"], ["4", "won"]]));
    expect(rankSuggestions(versions, rates).map((s) => [s.version.id, s.rate.winRate])).toEqual([["small", 1], ["big", 1 / 3]]);
  });
});
