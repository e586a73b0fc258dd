import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysInStage, isStalled, MS_PER_DAY, stallCutoff } from "./stage-time.js";

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

describe("daysInStage", () => {
  it("counts whole 24-hour periods, 0 on the first day and never negative", () => {
    expect(daysInStage(T0, T0)).toBe(0);
    expect(daysInStage(T0, T0 + MS_PER_DAY - 1)).toBe(0);
    expect(daysInStage(T0, T0 + MS_PER_DAY)).toBe(1);
    expect(daysInStage(T0, T0 + 9.5 * MS_PER_DAY)).toBe(9);
    expect(daysInStage(T0, T0 - MS_PER_DAY)).toBe(0);
  });
});

describe("isStalled", () => {
  it("only past the limit, never without one", () => {
    expect(isStalled({ maxDaysInStage: 7 }, T0, T0 + 7 * MS_PER_DAY)).toBe(false);
    expect(isStalled({ maxDaysInStage: 7 }, T0, T0 + 8 * MS_PER_DAY)).toBe(true);
    expect(isStalled({ maxDaysInStage: 0 }, T0, T0 + MS_PER_DAY)).toBe(true);
    expect(isStalled({ maxDaysInStage: null }, T0, T0 + 1000 * MS_PER_DAY)).toBe(false);
  });

  it("agrees with the stall cutoff a query uses: stalled exactly when the stage was entered at or before it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 100 * MS_PER_DAY }), (maxDaysInStage, elapsed) => {
        const stage = { maxDaysInStage };
        const enteredAt = T0 - elapsed;
        expect(isStalled(stage, enteredAt, T0)).toBe(enteredAt <= stallCutoff(stage, T0)!);
      }),
    );
  });
});
