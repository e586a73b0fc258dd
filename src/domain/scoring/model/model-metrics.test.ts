import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { areaUnderCurve, brierScore, expectedCalibrationError, reliabilityTable } from "./model-metrics.js";

describe("areaUnderCurve", () => {
  it("counts the wins ranked above losses: 3 of 4 pairs", () => {
    expect(areaUnderCurve([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
  });

  it("counts a tie between a win and a loss as half a pair", () => {
    expect(areaUnderCurve([0.5, 0.5, 0.2, 0.9], [true, false, false, true])).toBe(0.875);
    expect(areaUnderCurve([0.3, 0.3, 0.3], [true, false, true])).toBe(0.5);
  });

  it("is NaN without both wins and losses", () => {
    expect(areaUnderCurve([0.2, 0.7], [true, true])).toBeNaN();
  });

  // Predictions on a grid of twentieths: plenty of ties, and 1 − p never creates or breaks one.
  const scored = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 20 }).map((k) => k / 20), fc.boolean()), { minLength: 2, maxLength: 60 })
    .filter((rows) => rows.some(([, isWon]) => isWon) && rows.some(([, isWon]) => !isWon));

  it("lies in [0, 1]", () => {
    fc.assert(
      fc.property(scored, (rows) => {
        const auc = areaUnderCurve(rows.map(([p]) => p), rows.map(([, isWon]) => isWon));
        expect(auc).toBeGreaterThanOrEqual(0);
        expect(auc).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("turns into 1 − AUC when the predictions are reversed, ties included", () => {
    fc.assert(
      fc.property(scored, (rows) => {
        const outcomes = rows.map(([, isWon]) => isWon);
        const auc = areaUnderCurve(rows.map(([p]) => p), outcomes);
        expect(areaUnderCurve(rows.map(([p]) => 1 - p), outcomes)).toBeCloseTo(1 - auc, 12);
      }),
    );
  });
});

describe("brierScore", () => {
  it("averages the squared gaps between prediction and outcome", () => {
    expect(brierScore([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, 12);
  });
});

describe("reliabilityTable and expectedCalibrationError", () => {
  const predictions = [0.05, 0.15, 0.12, 0.95, 1];
  const outcomes = [false, true, false, true, true];

  it("bins predictions by tenths, leaving empty bins out and putting 1 in the last", () => {
    const bins = reliabilityTable(predictions, outcomes);
    expect(bins.map(({ from, to, count }) => ({ from, to, count }))).toEqual([
      { from: 0, to: 0.1, count: 1 },
      { from: 0.1, to: 0.2, count: 2 },
      { from: 0.9, to: 1, count: 2 },
    ]);
    expect(bins[1]!.meanPredicted).toBeCloseTo(0.135, 12);
    expect(bins[1]!.observedRate).toBe(0.5);
    expect(bins[2]!.meanPredicted).toBeCloseTo(0.975, 12);
  });

  it("weights each bin's gap by its share of predictions", () => {
    // 1/5 · |0.05 − 0| + 2/5 · |0.135 − 0.5| + 2/5 · |0.975 − 1|
    expect(expectedCalibrationError(reliabilityTable(predictions, outcomes))).toBeCloseTo(0.01 + 0.146 + 0.01, 12);
  });
});
