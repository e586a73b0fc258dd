/**
 * Statistics of proportions (wins out of closed leads, replies out of sends): intervals and
 * differences that stay sensible for the small counts a sales team has in a month.
 */

/** Successes out of trials, e.g. won out of closed. */
export type Tally = { successes: number; trials: number };

/** The two-sided 95% normal quantile. */
export const Z_95 = 1.959963984540054;

/** successes / trials; 0 when there were no trials. */
export function proportionOf(tally: Tally): number {
  return tally.trials === 0 ? 0 : tally.successes / tally.trials;
}

/**
 * Wilson score interval of a proportion. Unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and
 * does not collapse to a point at 0 or n successes. Trials may be fractional (an effective
 * sample size); with none the interval is [0, 1].
 */
export function wilsonInterval(tally: Tally, z: number = Z_95): { low: number; high: number } {
  const { trials } = tally;
  if (trials <= 0) return { low: 0, high: 1 };
  const p = tally.successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const halfWidth = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

/**
 * Difference a − b of two proportions and its variance, Agresti–Caffo style: one success and
 * one failure added to each side first, so a side at 0% or 100% still has a variance and a
 * z score (difference / √variance) keeps close to its nominal level on small samples.
 */
export function proportionDifference(a: Tally, b: Tally): { difference: number; variance: number } {
  const adjusted = (tally: Tally) => {
    const p = (tally.successes + 1) / (tally.trials + 2);
    return { p, variance: (p * (1 - p)) / (tally.trials + 2) };
  };
  const [left, right] = [adjusted(a), adjusted(b)];
  return { difference: left.p - right.p, variance: left.variance + right.variance };
}
