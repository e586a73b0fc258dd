import { DAY_MS, HOUR_MS, MINUTE_MS } from "../time.js";

/**
 * Fast time-zone arithmetic, memoised per zone and day: when demo leads arrive in their own
 * local day and when reps answer inside their working hours, and when sequence steps may go out
 * (`domain/sequences/send-window.ts`, which plans thousands of sends a second). The business-hours
 * SLA clock lives in `domain/sla`. The working-hours helpers here only have to be right for
 * whole-hour zones and weekdays; offsets are right wherever clocks change on a quarter hour of UTC (all zones today).
 */

export const QUARTER_HOUR_MS = 15 * MINUTE_MS;

/** Working hours in a zone, Monday to Friday, `[startHour, endHour)` local time. */
export type WorkingHours = { timeZone: string; startHour: number; endHour: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * Offsets memoised per zone and UTC day: one number when the offset holds all day (363 days a
 * year), 96 quarter-hourly offsets on a DST day (Adelaide and Newfoundland change on the half hour of UTC). `formatToParts` costs ~3 µs and a year of leads asks
 * for an offset ~300k times, so this takes generation from seconds to well under one.
 */
const offsetsByZone = new Map<string, Map<number, number | number[]>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options = { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" } as const;
    formatter = new Intl.DateTimeFormat("en-US", options);
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The offset at a whole minute, asked of ICU. */
function offsetFromIntl(timeZone: string, at: number): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((wall - at) / MINUTE_MS);
}

function offsetsOfDay(timeZone: string, day: number): number | number[] {
  const atStart = offsetFromIntl(timeZone, day * DAY_MS);
  // Zones change offset at most once a day, on a quarter hour of UTC.
  if (offsetFromIntl(timeZone, (day + 1) * DAY_MS - MINUTE_MS) === atStart) return atStart;
  return Array.from({ length: 96 }, (_, quarter) => offsetFromIntl(timeZone, day * DAY_MS + quarter * QUARTER_HOUR_MS));
}

/** Minutes the zone is ahead of UTC at this instant (Berlin in winter: 60; New York in summer: -240). */
export function zoneOffsetMinutes(timeZone: string, at: number): number {
  let days = offsetsByZone.get(timeZone);
  if (!days) offsetsByZone.set(timeZone, (days = new Map()));
  const day = Math.floor(at / DAY_MS);
  let offsets = days.get(day);
  if (offsets === undefined) days.set(day, (offsets = offsetsOfDay(timeZone, day)));
  return typeof offsets === "number" ? offsets : offsets[Math.floor((at - day * DAY_MS) / QUARTER_HOUR_MS)]!;
}

/**
 * The wall clock in a zone, encoded as if it were UTC: `new Date(wall).getUTCHours()` is the
 * local hour. Handy for local calendar arithmetic.
 */
export function wallClockOf(at: number, timeZone: string): number {
  return at + zoneOffsetMinutes(timeZone, at) * MINUTE_MS;
}

/** The instant at which the zone's wall clock shows `wall` (wall encoded as UTC, see `wallClockOf`). */
export function instantOfWallClock(wall: number, timeZone: string): number {
  const guess = wall - zoneOffsetMinutes(timeZone, wall) * MINUTE_MS;
  // A second pass corrects the guess when an offset change lies between `wall` and the answer.
  return wall - zoneOffsetMinutes(timeZone, guess) * MINUTE_MS;
}

/** Day of the week of a wall clock, 0 = Sunday (arithmetic, not `new Date`: this runs ~1M times a year of leads). */
export function weekdayOf(wall: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((Math.floor(wall / DAY_MS) + 4) % 7) + 7) % 7;
}

function isWorkingDay(wall: number): boolean {
  const weekday = weekdayOf(wall);
  return weekday !== 0 && weekday !== 6;
}

/** Whether the instant falls inside the working hours. */
export function isWithinWorkingHours(at: number, hours: WorkingHours): boolean {
  const wall = wallClockOf(at, hours.timeZone);
  const hour = Math.floor((wall - Math.floor(wall / DAY_MS) * DAY_MS) / HOUR_MS);
  return isWorkingDay(wall) && hour >= hours.startHour && hour < hours.endHour;
}

/** `at` itself when inside working hours, otherwise the start of the next working period. */
export function nextWorkingMoment(at: number, hours: WorkingHours): number {
  if (isWithinWorkingHours(at, hours)) return at;
  const wall = wallClockOf(at, hours.timeZone);
  let dayStart = Math.floor(wall / DAY_MS) * DAY_MS;
  if (wall >= dayStart + hours.startHour * HOUR_MS) dayStart += DAY_MS;
  while (!isWorkingDay(dayStart)) dayStart += DAY_MS;
  return instantOfWallClock(dayStart + hours.startHour * HOUR_MS, hours.timeZone);
}

/** The instant `minutes` of working time after `at` (time outside working hours does not count). */
export function addWorkingMinutes(at: number, minutes: number, hours: WorkingHours): number {
  let current = nextWorkingMoment(at, hours);
  let remainingMs = minutes * MINUTE_MS;
  for (;;) {
    const wall = wallClockOf(current, hours.timeZone);
    const endOfDay = instantOfWallClock(Math.floor(wall / DAY_MS) * DAY_MS + hours.endHour * HOUR_MS, hours.timeZone);
    if (current + remainingMs < endOfDay) return current + remainingMs;
    remainingMs -= endOfDay - current;
    current = nextWorkingMoment(endOfDay, hours);
  }
}
