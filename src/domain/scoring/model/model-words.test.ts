import { describe, expect, it } from "vitest";
import { formatAmount, modelSignals, oddsWords } from "./model-words.js";
import type { TrainedModel } from "./train-model.js";

describe("oddsWords", () => {
  it("says the multiplier on the odds of winning to two significant figures", () => {
    expect(oddsWords(Math.log(2.3))).toBe("raises the odds of winning ×2.3");
    expect(oddsWords(Math.log(0.8))).toBe("lowers the odds of winning ×0.8");
    expect(oddsWords(Math.log(0.123))).toBe("lowers the odds of winning ×0.12");
    expect(oddsWords(Math.log(1234))).toBe("raises the odds of winning ×1,234");
    expect(oddsWords(0.004)).toBe("leaves the odds about the same");
  });
});

describe("formatAmount", () => {
  it("keeps three significant figures with thousands separators", () => {
    expect([formatAmount(120.4), formatAmount(0.35449), formatAmount(12_345)]).toEqual(["120", "0.354", "12,300"]);
  });
});

describe("modelSignals", () => {
  const model: TrainedModel = {
    spec: {
      columns: [
        { kind: "numeric", column: "Employees", mean: 300, sd: 120, hasMissing: true },
        { kind: "flag", column: "Demo requested", yesRate: 0.3, hasMissing: false },
        { kind: "categorical", column: "Source", reference: "Website", levels: ["Referral"], hasOther: true, hasMissing: false },
      ],
      skipped: [],
    },
    featureNames: ["Employees", "Employees missing", "Demo requested", "Source is Referral", "Source is (other)"],
    intercept: -1,
    weights: [Math.log(0.8), -0.5, Math.log(3.1), Math.log(2.3), 0.1],
  };

  it("puts every weight in words, strongest first", () => {
    expect(modelSignals(model).map((signal) => signal.words)).toEqual([
      "Demo requested (yes rather than no): raises the odds of winning ×3.1",
      "Source is Referral (rather than Website): raises the odds of winning ×2.3",
      "Employees is missing: lowers the odds of winning ×0.61",
      "Employees (per +1 sd = 120): lowers the odds of winning ×0.8",
      "Source is another value (rather than Website): raises the odds of winning ×1.1",
    ]);
    expect(modelSignals(model)[0]).toMatchObject({ feature: "Demo requested", weight: Math.log(3.1) });
  });
});
