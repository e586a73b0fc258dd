import { describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE } from "../../../../src/domain/pipeline/pipeline-config.js";
import { closingStageKey, daysInStageText, nextOpenStage, stageName } from "./stage-words.js";

describe("daysInStageText", () => {
  it("counts days against the stage's limit, and says when the lead has stalled", () => {
    expect(daysInStageText(0, 7, false)).toBe("Entered today; stalled after 7 days");
    expect(daysInStageText(3, 7, false)).toBe("Day 3 of 7 in this stage");
    expect(daysInStageText(9, 7, true)).toBe("Stalled: 9 days here, the limit is 7 days");
    expect(daysInStageText(1, null, false)).toBe("1 day in this stage");
  });
});

describe("stages by milestone and order", () => {
  it("finds the won and lost stages and the next open stage", () => {
    const pipeline = { ...DEFAULT_PIPELINE, stages: DEFAULT_PIPELINE.stages.map((stage) => (stage.key === "won" ? { ...stage, key: "closed_won" } : stage)) };
    expect(closingStageKey(pipeline, "won")).toBe("closed_won");
    expect(closingStageKey(pipeline, "lost")).toBe("lost");
    expect(nextOpenStage(pipeline, "qualified")?.key).toBe("proposal");
    expect(nextOpenStage(pipeline, "proposal")).toBeUndefined();
  });

  it("names a stage the pipeline no longer has by its key in words", () => {
    expect(stageName(DEFAULT_PIPELINE, "proposal")).toBe("Proposal");
    expect(stageName(DEFAULT_PIPELINE, "legal_review")).toBe("Legal review");
    expect(stageName(null, "contacted")).toBe("Contacted");
  });
});
