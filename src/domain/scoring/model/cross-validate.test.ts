import { describe, expect, it } from "vitest";
import { stratifiedFolds } from "./cross-validate.js";

describe("stratifiedFolds", () => {
  const outcomes = Array.from({ length: 103 }, (_, i) => i % 4 === 0);

  it("gives every fold the same number of wins and of rows, give or take one", () => {
    const foldOf = stratifiedFolds(outcomes, 5, 9);
    for (let fold = 0; fold < 5; fold++) {
      const rows = outcomes.filter((_, i) => foldOf[i] === fold);
      expect(rows.length).toBeGreaterThanOrEqual(20);
      expect(rows.length).toBeLessThanOrEqual(21);
      expect(rows.filter(Boolean).length).toBeGreaterThanOrEqual(5);
      expect(rows.filter(Boolean).length).toBeLessThanOrEqual(6);
    }
  });

  it("shuffles reproducibly by seed", () => {
    expect(stratifiedFolds(outcomes, 5, 9)).toEqual(stratifiedFolds(outcomes, 5, 9));
    expect(stratifiedFolds(outcomes, 5, 9)).not.toEqual(stratifiedFolds(outcomes, 5, 10));
  });
});
