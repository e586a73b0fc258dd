/** Time source passed into services; the domain receives `now` as a number instead. */
export type Clock = { now(): number };

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock for tests that stays where it is put. */
export type ManualClock = Clock & { set(at: number): void; advance(ms: number): void };

/** A clock fixed at `at` (epoch ms) that tests move explicitly. */
export function manualClock(at: number): ManualClock {
  let current = at;
  return {
    now: () => current,
    set: (next) => {
      current = next;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
