import { describe, expect, it } from "vitest";
import type { MonthlyCloseRates } from "../../api/scoring.js";
import { aucWords, brierWords, calibrationWords, criteriaOf, newestMonthsFirst, readinessFacts, reliabilityRows } from "./model-words.js";

describe("quality in words", () => {
  it("reads the AUC as how often a win outranks a loss", () => {
    expect(aucWords(0.8134)).toBe("0.81: a won lead scores above a lost one 81% of the time (0.50 is a coin toss).");
  });

  it("sets the Brier score beside guessing the win rate", () => {
    // 50 wins in 200: 0.25 × 0.75 = 0.1875.
    expect(brierWords({ brier: 0.1612, closed: 200, wins: 50 })).toBe("0.161: lower is better; guessing the 25% win rate for every lead would score 0.188.");
  });

  it("gives the calibration error in points of probability", () => {
    expect(calibrationWords(0.0312)).toMatch(/^3\.1 points: /);
    expect(calibrationWords(0.01)).toMatch(/^1 point: /);
  });
});

describe("readinessFacts", () => {
  it("says how many more closed leads and wins are needed", () => {
    expect(readinessFacts({ isReady: false, closed: 120, wins: 25, missingClosed: 80, missingWins: 15, message: "" })).toBe("Closed leads: 120 of 200 needed · wins: 25 of 40 needed");
    expect(readinessFacts({ isReady: true, closed: 320, wins: 61, missingClosed: 0, missingWins: 0, message: "" })).toBe("Closed leads: 320 · wins: 61");
  });
});

describe("reliabilityRows", () => {
  it("turns bins into percentages with the gap, leaving empty bins out", () => {
    const rows = reliabilityRows([
      { from: 0, to: 0.1, count: 40, meanPredicted: 0.05, observedRate: 0.075 },
      { from: 0.1, to: 0.2, count: 0, meanPredicted: 0, observedRate: 0 },
      { from: 0.2, to: 0.3, count: 12, meanPredicted: 0.25, observedRate: 0.2 },
    ]);
    expect(rows).toEqual([
      { range: "0–10%", count: 40, predicted: "5%", observed: "7.5%", gap: "+2.5 pts" },
      { range: "20–30%", count: 12, predicted: "25%", observed: "20%", gap: "−5 pts" },
    ]);
  });
});

describe("orderings", () => {
  it("lists months newest first and every criterion counted", () => {
    const month = (name: string, criteria: string[]): MonthlyCloseRates => ({
      month: name,
      buckets: { hot: { closed: 0, won: 0 }, warm: { closed: 0, won: 0 }, cold: { closed: 0, won: 0 }, unqualified: { closed: 0, won: 0 } },
      criteria: Object.fromEntries(criteria.map((key) => [key, { metClosed: 0, metWon: 0, unmetClosed: 0, unmetWon: 0 }])),
    });
    const monthly = [month("2026-01", ["budget"]), month("2026-03", ["budget", "authority"]), month("2025-12", [])];
    expect(newestMonthsFirst(monthly).map((one) => one.month)).toEqual(["2026-03", "2026-01", "2025-12"]);
    expect(criteriaOf(monthly)).toEqual(["budget", "authority"]);
  });
});
