import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proportionDifference, proportionOf, wilsonInterval } from "./proportion.js";

describe("wilsonInterval", () => {
  it("matches hand-computed intervals, including 0 successes where the normal interval collapses", () => {
    const some = wilsonInterval({ successes: 204, trials: 600 });
    expect(some.low).toBeCloseTo(0.30322, 4);
    expect(some.high).toBeCloseTo(0.37881, 4);
    const none = wilsonInterval({ successes: 0, trials: 10 });
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.27753, 4);
    expect(wilsonInterval({ successes: 0, trials: 0 })).toEqual({ low: 0, high: 1 });
  });

  it("holds the observed proportion, stays in [0, 1] and narrows as trials grow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 2, max: 10 }), (trials, share, factor) => {
        const successes = Math.round(trials * share);
        const interval = wilsonInterval({ successes, trials });
        const p = proportionOf({ successes, trials });
        expect(interval.low).toBeGreaterThanOrEqual(0);
        expect(interval.high).toBeLessThanOrEqual(1);
        expect(interval.low).toBeLessThanOrEqual(p + 1e-12);
        expect(interval.high).toBeGreaterThanOrEqual(p - 1e-12);
        const larger = wilsonInterval({ successes: successes * factor, trials: trials * factor });
        expect(larger.high - larger.low).toBeLessThan(interval.high - interval.low);
      }),
    );
  });
});

describe("proportionDifference", () => {
  it("adds a success and a failure to each side, so sides at 0% and 100% still have a variance", () => {
    const { difference, variance } = proportionDifference({ successes: 10, trials: 10 }, { successes: 0, trials: 10 });
    expect(difference).toBeCloseTo(11 / 12 - 1 / 12, 12);
    expect(variance).toBeCloseTo(2 * ((11 / 12) * (1 / 12)) / 12, 12);
  });

  it("is antisymmetric with a positive variance", () => {
    const tally = fc.integer({ min: 0, max: 500 }).chain((trials) => fc.record({ trials: fc.constant(trials), successes: fc.integer({ min: 0, max: trials }) }));
    fc.assert(
      fc.property(tally, tally, (a, b) => {
        const ab = proportionDifference(a, b);
        const ba = proportionDifference(b, a);
        expect(ab.difference).toBeCloseTo(-ba.difference, 12);
        expect(ab.variance).toBeCloseTo(ba.variance, 12);
        expect(ab.variance).toBeGreaterThan(0);
      }),
    );
  });
});
