import { describe, expect, it } from "vitest";
import type { LeadScore } from "../../api/scoring.js";
import { historyPolyline, partName, scoreParts } from "./score-words.js";

const score: LeadScore = {
  score: 58,
  fitScore: 60,
  intentScore: 40,
  ruleScore: 50,
  modelProbability: null,
  modelVersion: null,
  bucket: "warm",
  intentLevel: "medium",
  contributions: [],
  explanation: [],
  scoredAt: "2026-03-02T09:00:00.000Z",
};

describe("scoreParts", () => {
  it("gives fit and intent for a rule score", () => {
    expect(scoreParts(score)).toEqual([
      { name: "Fit", value: "60" },
      { name: "Intent", value: "40" },
    ]);
  });

  it("adds the rule score and the model's win chance with its version when the model took part", () => {
    expect(scoreParts({ ...score, modelProbability: 0.342, modelVersion: 3 }).slice(2)).toEqual([
      { name: "Rules", value: "50" },
      { name: "Model", value: "34% win chance (version 3)" },
    ]);
  });

  it("names each part", () => {
    expect(partName("model")).toBe("Model");
  });
});

describe("historyPolyline", () => {
  it("spreads the scores across, 100 at the top and 0 at the bottom", () => {
    expect(historyPolyline([{ score: 0 }, { score: 50 }, { score: 100 }], 200, 40)).toBe("0,40 100,20 200,0");
  });

  it("draws one score as a flat line and nothing for no history", () => {
    expect(historyPolyline([{ score: 25 }], 200, 40)).toBe("0,30 200,30");
    expect(historyPolyline([], 200, 40)).toBe("");
  });
});
