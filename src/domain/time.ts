/** Lengths of time in milliseconds, as instants are counted. A day here is 24 hours: calendar days in a zone are `demo/zoned-time.ts`'s. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
