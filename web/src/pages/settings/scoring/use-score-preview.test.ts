import { describe, expect, it } from "vitest";
import { ApiError } from "../../../api/client.js";
import { previewProblemOf } from "./use-score-preview.js";

describe("previewProblemOf", () => {
  it("points a refusal of the preview's body at the rule's own path", () => {
    const refusal = new ApiError(400, "Invalid input", "config.intentRules.0.points: must be <= 100", "config.intentRules.0.points");
    expect(previewProblemOf(refusal)).toEqual({ field: "intentRules.0.points", detail: "must be <= 100" });
  });

  it("keeps other problems as they are", () => {
    const refusal = new ApiError(400, "Invalid input", "leadIds: too many", "leadIds");
    expect(previewProblemOf(refusal)).toEqual({ field: "leadIds", detail: "leadIds: too many" });
  });
});
