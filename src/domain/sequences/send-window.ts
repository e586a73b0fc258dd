import { QUARTER_HOUR_MS, wallClockOf, weekdayOf, zoneOffsetMinutes } from "../demo/zoned-time.js";
import { invalidField } from "../errors.js";
import type { SendWindow } from "./sequence.js";
import { DAY_MS, MINUTE_MS } from "../time.js";

/**
 * The first instant at which the zone's clock shows `wall` (encoded as UTC, see `wallClockOf`)
 * or later: when clocks fall back and a time occurs twice, the first time; when they spring
 * forward past it (02:30 on that night), the moment the gap ends (03:00).
 */
export function firstInstantAtWallClock(wall: number, zone: string): number {
  // A day either side lies before and after any clock change near `wall` (changes are months apart).
  const before = wall - zoneOffsetMinutes(zone, wall - DAY_MS) * MINUTE_MS;
  const after = wall - zoneOffsetMinutes(zone, wall + DAY_MS) * MINUTE_MS;
  const earlier = Math.min(before, after);
  if (wallClockOf(earlier, zone) === wall) return earlier;
  const later = Math.max(before, after);
  if (wallClockOf(later, zone) === wall) return later;
  // In the gap: clocks change on a quarter hour of UTC, so the gap ends on the first quarter hour whose clock is past `wall`.
  let instant = Math.ceil(earlier / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  while (wallClockOf(instant, zone) < wall) instant += QUARTER_HOUR_MS;
  return instant;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall clock. */
const isoWeekdayOf = (wall: number) => weekdayOf(wall) || 7;

/** A window that runs to midnight and opens again at midnight the next day is one stretch, a week at most. */
function joinedCloseAt(window: SendWindow, day: number, zone: string): number {
  let lastDay = day;
  const isJoined = window.startMinute === 0 && window.endMinute === 1440;
  while (isJoined && lastDay < day + 7 * DAY_MS && window.weekdays.includes(isoWeekdayOf(lastDay + DAY_MS))) lastDay += DAY_MS;
  return firstInstantAtWallClock(lastDay + window.endMinute * MINUTE_MS, zone);
}

/**
 * The first instant at or after `at` inside the window (`at` itself when inside) and when that
 * stretch of the window closes. A message planned for `opensAt` that has not gone out by
 * `closesAt` waits for the next opening.
 */
export function nextWindowOpening(at: number, window: SendWindow, zone: string): { opensAt: number; closesAt: number } {
  const today = Math.floor(wallClockOf(at, zone) / DAY_MS) * DAY_MS;
  for (let day = today; day <= today + 7 * DAY_MS; day += DAY_MS) {
    if (!window.weekdays.includes(isoWeekdayOf(day))) continue;
    const closesAt = firstInstantAtWallClock(day + window.endMinute * MINUTE_MS, zone);
    const opensAt = Math.max(at, firstInstantAtWallClock(day + window.startMinute * MINUTE_MS, zone));
    // A window that lies wholly inside a spring-forward gap is closed that day.
    if (opensAt < closesAt) return { opensAt, closesAt: joinedCloseAt(window, day, zone) };
  }
  throw invalidField("window.weekdays", "must list at least one weekday");
}

/** Whether a message may go out at `at` (start inclusive, end exclusive, local time in `zone`). */
export function isInsideWindow(at: number, window: SendWindow, zone: string): boolean {
  return nextWindowOpening(at, window, zone).opensAt === at;
}

/** Checks a send window as saved: whole minutes 0..1440, start before end, ISO weekdays 1..7, at least one, none twice. */
export function checkSendWindow(window: SendWindow, field: string): void {
  const isMinute = (value: number) => Number.isInteger(value) && value >= 0 && value <= 1440;
  if (!isMinute(window.startMinute)) throw invalidField(`${field}.startMinute`, "must be a whole minute from 0 to 1440");
  if (!isMinute(window.endMinute)) throw invalidField(`${field}.endMinute`, "must be a whole minute from 0 to 1440");
  if (window.startMinute >= window.endMinute) throw invalidField(`${field}.endMinute`, "must be after startMinute");
  if (window.weekdays.length === 0) throw invalidField(`${field}.weekdays`, "must list at least one weekday");
  for (const [i, weekday] of window.weekdays.entries()) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw invalidField(`${field}.weekdays.${i}`, "must be an ISO weekday from 1 (Monday) to 7 (Sunday)");
    if (window.weekdays.indexOf(weekday) !== i) throw invalidField(`${field}.weekdays.${i}`, "is listed twice");
  }
}
