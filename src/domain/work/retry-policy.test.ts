import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextAttemptAt, type RetryPolicy } from "./retry-policy.js";

const POLICY: RetryPolicy = { maxAttempts: 5, backoffBaseMs: 1000, backoffMaxMs: 6000 };
const NOW = 1_000_000;

describe("nextAttemptAt", () => {
  it("doubles the delay from the base up to the ceiling (shown at the top of the jitter range)", () => {
    const delays = [1, 2, 3, 4].map((failed) => nextAttemptAt(POLICY, failed, NOW, 0.999_999)! - NOW);
    expect(delays).toEqual([999, 1999, 3999, 5999]);
  });

  it("is dead after the last attempt", () => {
    expect(nextAttemptAt(POLICY, 5, NOW, 0.5)).toBeNull();
    expect(nextAttemptAt({ ...POLICY, maxAttempts: 1 }, 1, NOW, 0.5)).toBeNull();
  });

  it("keeps every jittered delay within [half the backoff, the backoff) and under the ceiling", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (base, ceilingAboveBase, failed, random) => {
          const policy = { maxAttempts: 41, backoffBaseMs: base, backoffMaxMs: base + ceilingAboveBase };
          const backoff = Math.min(policy.backoffMaxMs, base * 2 ** (failed - 1));
          const delay = nextAttemptAt(policy, failed, NOW, random)! - NOW;
          expect(delay).toBeGreaterThanOrEqual(Math.floor(backoff / 2));
          expect(delay).toBeLessThanOrEqual(backoff);
          expect(delay).toBeLessThanOrEqual(policy.backoffMaxMs);
        },
      ),
    );
  });

  it("spreads retries of work that failed together", () => {
    const at = Array.from({ length: 100 }, (_, i) => nextAttemptAt(POLICY, 3, NOW, i / 100));
    expect(new Set(at).size).toBeGreaterThan(90);
  });
});
