import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time.js";

/**
 * A span of time as a person says it, rounded down: "less than 1 min", "20 min", "3 h",
 * "2 days". Hours run up to 48 so "36 h" reads better than "1 day".
 */
export function describeDuration(ms: number): string {
  if (ms < MINUTE_MS) return "less than 1 min";
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} min`;
  if (ms < 2 * DAY_MS) return `${Math.floor(ms / HOUR_MS)} h`;
  return `${Math.floor(ms / DAY_MS)} days`;
}
