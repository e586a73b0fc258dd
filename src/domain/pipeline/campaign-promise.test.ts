import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { campaignPromiseOf, type CampaignPromiseInput, expectationOf } from "./campaign-promise.js";

describe("expectationOf", () => {
  it("flags a proposal further from the anchor than the tolerance, either way", () => {
    expect(expectationOf(13_000_00, { priceAnchorCents: 10_000_00 }, 20)).toEqual({ priceAnchorCents: 10_000_00, deviationPercent: 30, isExpectationMismatch: true });
    expect(expectationOf(7_500_00, { priceAnchorCents: 10_000_00 }, 20)).toEqual({ priceAnchorCents: 10_000_00, deviationPercent: -25, isExpectationMismatch: true });
    expect(expectationOf(11_000_00, { priceAnchorCents: 10_000_00 }, 20)).toEqual({ priceAnchorCents: 10_000_00, deviationPercent: 10, isExpectationMismatch: false });
  });

  it("does not flag a proposal exactly at the tolerance", () => {
    expect(expectationOf(12_000_00, { priceAnchorCents: 10_000_00 }, 20).isExpectationMismatch).toBe(false);
    expect(expectationOf(12_000_01, { priceAnchorCents: 10_000_00 }, 20).isExpectationMismatch).toBe(true);
  });

  it("rounds the deviation to 2 decimals", () => {
    expect(expectationOf(100, { priceAnchorCents: 300 }, 20).deviationPercent).toBe(-66.67);
  });

  it("never flags without a promise or a price anchor", () => {
    expect(expectationOf(1, null, 0)).toEqual({ priceAnchorCents: null, deviationPercent: null, isExpectationMismatch: false });
    expect(expectationOf(1, undefined, 0).isExpectationMismatch).toBe(false);
    expect(expectationOf(1, { priceAnchorCents: null }, 0).isExpectationMismatch).toBe(false);
  });

  it("agrees with the percentage rule for any amount, anchor and tolerance", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 1, max: 10 ** 12 }), fc.integer({ min: 0, max: 1000 }), (amount, anchor, tolerance) => {
        const { isExpectationMismatch, deviationPercent } = expectationOf(amount, { priceAnchorCents: anchor }, tolerance);
        const exact = (Math.abs(amount - anchor) / anchor) * 100;
        // Away from the boundary the float rule and the integer rule must agree.
        if (Math.abs(exact - tolerance) > 1e-6) expect(isExpectationMismatch).toBe(exact > tolerance);
        expect(Math.sign(deviationPercent!) * Math.sign(amount - anchor)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("campaignPromiseOf", () => {
  const NOW = 1_700_000_000_000;

  it("records the anchor in cents, the timeline and trimmed notes; what is left out is not promised", () => {
    expect(campaignPromiseOf(" spring ", { priceAnchor: 99.5, timelineDays: 14, notes: "  Two weeks to live " }, NOW)).toEqual({
      campaign: "spring",
      priceAnchorCents: 9950,
      timelineDays: 14,
      notes: "Two weeks to live",
      updatedAt: NOW,
    });
    expect(campaignPromiseOf("spring", { notes: "  " }, NOW)).toEqual({ campaign: "spring", priceAnchorCents: null, timelineDays: null, notes: null, updatedAt: NOW });
  });

  it.each<[string, CampaignPromiseInput, string]>([
    [" ", {}, "campaign"],
    ["x".repeat(201), {}, "campaign"],
    ["spring", { priceAnchor: 0 }, "priceAnchor"],
    ["spring", { priceAnchor: 1.234 }, "priceAnchor"],
    ["spring", { timelineDays: 0 }, "timelineDays"],
    ["spring", { timelineDays: 2.5 }, "timelineDays"],
    ["spring", { notes: "x".repeat(2001) }, "notes"],
  ])("refuses campaign %j with %j, naming %s", (campaign, input, field) => {
    expect(() => campaignPromiseOf(campaign, input, NOW)).toThrow(expect.objectContaining({ field }));
  });
});
