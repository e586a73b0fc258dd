import { describe, expect, it } from "vitest";
import { describeDuration } from "./describe-duration.js";

describe("describeDuration", () => {
  it.each([
    [0, "less than 1 min"],
    [59_999, "less than 1 min"],
    [60_000, "1 min"],
    [20 * 60_000 + 59_000, "20 min"],
    [60 * 60_000, "1 h"],
    [47 * 3_600_000 + 3_599_999, "47 h"],
    [48 * 3_600_000, "2 days"],
    [9.9 * 86_400_000, "9 days"],
  ])("%i ms reads as %s", (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
