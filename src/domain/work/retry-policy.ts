/** How a timer task or a channel retries: attempts in all, and an exponential backoff between them. */
export type RetryPolicy = {
  /** Attempts in all, the first included; after the last failure the work is dead. */
  maxAttempts: number;
  /** Delay before the second attempt; each later one doubles it. */
  backoffBaseMs: number;
  /** Ceiling on a single delay. */
  backoffMaxMs: number;
};

/**
 * When the next attempt runs after `failedAttempts` failures (1 after the first), or null when
 * they are used up. The delay doubles from `backoffBaseMs` up to `backoffMaxMs`, then "equal
 * jitter" picks it uniformly from [delay/2, delay): never less than half the backoff, so a
 * struggling peer gets its rest, and spread, so messages that failed together (a peer's outage)
 * do not all come back in the same second. `random` is in [0, 1).
 */
export function nextAttemptAt(policy: RetryPolicy, failedAttempts: number, now: number, random: number): number | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** (failedAttempts - 1));
  return now + Math.floor(delay / 2 + (random * delay) / 2);
}
