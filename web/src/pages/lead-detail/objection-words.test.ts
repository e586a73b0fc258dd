import { describe, expect, it } from "vitest";
import { versionLabel, winRateLabel } from "./objection-words.js";

describe("winRateLabel", () => {
  it("gives the win rate with the closed leads behind it", () => {
    expect(winRateLabel({ winRate: 8 / 13, sampleSize: 13, open: 2 })).toBe("62% of 13 closed");
    expect(winRateLabel({ winRate: 1, sampleSize: 1, open: 0 })).toBe("100% of 1 closed");
  });

  it("says when no lead that heard the response has closed yet", () => {
    expect(winRateLabel({ winRate: null, sampleSize: 0, open: 3 })).toBe("No closed leads yet (3 open)");
    expect(winRateLabel({ winRate: null, sampleSize: 0, open: 0 })).toBe("Not used yet");
  });
});

describe("versionLabel", () => {
  it("numbers rewordings only", () => {
    expect(versionLabel(1)).toBe("");
    expect(versionLabel(3)).toBe("v3");
  });
});
