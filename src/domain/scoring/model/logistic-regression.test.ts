import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DesignMatrix, designMatrix } from "./design-matrix.js";
import { type LogisticFit, curvatureOf, fitLogisticRegression, predictRow, sigmoid } from "./logistic-regression.js";

const matrix = (rows: number[][]): DesignMatrix => designMatrix(rows.length, rows[0]?.length ?? 0, (row, out) => out.set(rows[row]!));
const wins = (outcomes: number[]) => Uint8Array.from(outcomes);

/** The penalised score equations: Σ(y − p) = 0 and Σ(y − p)·x_j = l2 · w_j at the optimum. */
function scoreResiduals(x: DesignMatrix, y: Uint8Array, fit: LogisticFit, l2: number): number[] {
  const residuals = new Array<number>(x.width + 1).fill(0);
  for (let row = 0; row < x.rows; row++) {
    const gap = y[row]! - predictRow(fit, x, row);
    residuals[0]! += gap;
    for (let k = x.rowStarts[row]!; k < x.rowStarts[row + 1]!; k++) residuals[x.columns[k]! + 1]! += gap * x.values[k]!;
  }
  return residuals.map((value, j) => (j === 0 ? value : value - l2 * fit.weights[j - 1]!));
}

describe("fitLogisticRegression", () => {
  it("recovers the groups' log-odds for one yes/no input without a penalty", () => {
    // x = 0: 2 wins in 8 (log-odds −ln 3); x = 1: 6 wins in 8 (+ln 3).
    const x = matrix([...Array.from({ length: 8 }, () => [0]), ...Array.from({ length: 8 }, () => [1])]);
    const fit = fitLogisticRegression(x, wins([1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0]), { l2: 0 });
    expect(fit.intercept).toBeCloseTo(-Math.log(3), 8);
    expect(fit.weights[0]).toBeCloseTo(2 * Math.log(3), 8);
  });

  it("solves the penalised score equations on any data", () => {
    const data = fc.array(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(0, 1), fc.boolean()), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(data, fc.double({ min: 0.1, max: 10, noNaN: true }), (rows, l2) => {
        const x = matrix(rows.map(([a, b]) => [a, b]));
        const y = wins(rows.map(([, , isWon]) => (isWon ? 1 : 0)));
        const fit = fitLogisticRegression(x, y, { l2 });
        for (const residual of scoreResiduals(x, y, fit, l2)) expect(Math.abs(residual)).toBeLessThan(1e-5);
      }),
    );
  });

  it("keeps the weights finite on separable data with a penalty", () => {
    const x = matrix([[-2], [-1], [1], [2]]);
    const fit = fitLogisticRegression(x, wins([0, 0, 1, 1]), { l2: 1 });
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(predictRow(fit, x, 3)).toBeGreaterThan(0.5);
    expect(predictRow(fit, x, 0)).toBeLessThan(0.5);
  });

  it("splits the weight between two copies of an input instead of failing on the singular system", () => {
    const single = matrix([[0], [0], [0], [1], [1], [1]]);
    const copies = matrix([[0, 0], [0, 0], [0, 0], [1, 1], [1, 1], [1, 1]]);
    const y = wins([1, 0, 0, 1, 1, 0]);
    const one = fitLogisticRegression(single, y, { l2: 0 });
    const two = fitLogisticRegression(copies, y, { l2: 0 });
    expect(two.weights[0]! + two.weights[1]!).toBeCloseTo(one.weights[0]!, 4);
  });

  it("gives the same fit on a subset when started from the full fit and its curvature", () => {
    const rows = Array.from({ length: 200 }, (_, i) => [Math.sin(i), (i * 7) % 3 === 0 ? 1 : 0]);
    const y = wins(rows.map(([a, b], i) => (sigmoid(a! + b! - 0.5 + Math.cos(i * 13)) > 0.5 ? 1 : 0)));
    const x = matrix(rows);
    const subset = Int32Array.from({ length: 150 }, (_, i) => i);
    const full = fitLogisticRegression(x, y, { l2: 1 });
    const fromScratch = fitLogisticRegression(x, y, { l2: 1, rowIndices: subset });
    const warm = fitLogisticRegression(x, y, { l2: 1, rowIndices: subset, start: full, curvature: curvatureOf(x, y, subset, full) });
    expect(warm.intercept).toBeCloseTo(fromScratch.intercept, 6);
    [...warm.weights].forEach((weight, j) => expect(weight).toBeCloseTo(fromScratch.weights[j]!, 6));
  });
});

describe("sigmoid", () => {
  it("stays finite and symmetric far from zero", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
  });
});
