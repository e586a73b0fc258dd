import { describe, expect, it } from "vitest";
import { refusedField } from "../../../test/support/domain-failure.js";
import { DEFAULT_PIPELINE } from "../pipeline/pipeline-config.js";
import { chooseReason, reasonLabel } from "./outcome-reason.js";

const reasons = DEFAULT_PIPELINE.disqualificationReasons;

const fieldOf = (key: string, note?: string | null) => refusedField(() => chooseReason(reasons, key, note));

describe("chooseReason", () => {
  it("returns the configured reason and the trimmed note", () => {
    expect(chooseReason(reasons, "no_budget", "  frozen until Q3 ")).toEqual({ reason: { key: "no_budget", label: "No budget", requiresNote: false }, note: "frozen until Q3" });
    expect(chooseReason(reasons, "spam", undefined).note).toBeNull();
    expect(chooseReason(reasons, "other", "Reseller, not an end customer").reason.requiresNote).toBe(true);
  });

  it.each([
    ["a reason not in the list", "too_small", "note", "reason"],
    ["a reason that needs a note, without one", "other", undefined, "note"],
    ["a reason that needs a note, with a blank one", "other", "   ", "note"],
    ["a note over 2000 characters", "spam", "x".repeat(2001), "note"],
  ] as const)("refuses %s", (_name, key, note, field) => {
    expect(fieldOf(key, note)).toBe(field);
  });
});

describe("reasonLabel", () => {
  it("uses the configured label, else the key of a reason since removed", () => {
    expect(reasonLabel(reasons, "poor_fit")).toBe("Poor fit");
    expect(reasonLabel(reasons, "retired_reason")).toBe("retired_reason");
  });
});
