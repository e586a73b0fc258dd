import { describe, expect, it } from "vitest";
import type { LeadScore, ScorePreviewItem } from "../../../api/scoring.js";
import { previewChange, previewSummary } from "./preview-words.js";

const score = (points: number, bucket: LeadScore["bucket"]): LeadScore => ({
  score: points,
  fitScore: points,
  intentScore: points,
  ruleScore: points,
  modelProbability: null,
  modelVersion: null,
  bucket,
  intentLevel: "low",
  contributions: [],
  explanation: [],
  scoredAt: "2026-03-02T09:00:00.000Z",
});

const item = (current: LeadScore | null, preview: LeadScore): ScorePreviewItem => ({ leadId: "lead_1", name: "Ada Lovelace", company: null, current, preview });

describe("previewChange", () => {
  it("says how far the score moves and the new bucket when it changes", () => {
    expect(previewChange(item(score(62, "warm"), score(74, "hot")))).toEqual({ points: 12, newBucket: "Hot" });
    expect(previewChange(item(score(50, "warm"), score(45, "warm")))).toEqual({ points: -5, newBucket: null });
  });

  it("says nothing for a lead never scored", () => {
    expect(previewChange(item(null, score(30, "cold")))).toEqual({ points: null, newBucket: null });
  });
});

describe("previewSummary", () => {
  it("counts the leads that change bucket and score", () => {
    const items = [item(score(62, "warm"), score(74, "hot")), item(score(50, "warm"), score(45, "warm")), item(score(10, "unqualified"), score(10, "unqualified"))];
    expect(previewSummary(items)).toBe("1 of 3 sample leads changes bucket; 2 change score.");
  });

  it("says when the draft changes nothing, and when there is nothing to preview", () => {
    expect(previewSummary([item(score(10, "cold"), score(10, "cold"))])).toBe("The draft scores the 1 sample lead as the saved rules do.");
    expect(previewSummary([])).toContain("No open leads");
  });
});
