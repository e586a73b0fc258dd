import { describe, expect, it } from "vitest";
import { formatCloseRate, formatMonth, formatPoints, formatShare } from "./format-score.js";

describe("formatPoints", () => {
  it("signs the points with a true minus and rounds to one decimal", () => {
    expect(formatPoints(25)).toBe("+25");
    expect(formatPoints(-10)).toBe("−10");
    expect(formatPoints(3.14159)).toBe("+3.1");
    expect(formatPoints(0.01)).toBe("0");
  });
});

describe("formatShare", () => {
  it("rounds to whole percent, keeping one decimal under 10%", () => {
    expect(formatShare(0.3749)).toBe("37%");
    expect(formatShare(0.042)).toBe("4.2%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(1)).toBe("100%");
  });
});

describe("formatCloseRate", () => {
  it("gives the counts behind the rate, and says when nothing closed", () => {
    expect(formatCloseRate({ closed: 40, won: 12 })).toBe("12 of 40 won (30%)");
    expect(formatCloseRate({ closed: 0, won: 0 })).toBe("none closed");
  });
});

describe("formatMonth", () => {
  it("names the month and keeps what it cannot read", () => {
    expect(formatMonth("2026-03")).toBe("Mar 2026");
    expect(formatMonth("soon")).toBe("soon");
  });
});
