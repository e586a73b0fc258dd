import { DateTime } from "luxon";
import { invalidField } from "../errors.js";

/** Open hours of one weekday as [start, end) minutes after local midnight, e.g. [[540, 1020]] for 9:00–17:00. */
export type DayHours = [startMinute: number, endMinute: number][];

/** Open hours by ISO weekday: 1 = Monday … 7 = Sunday. A missing day is closed. */
export type WeeklyHours = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, DayHours>>;

/** When a team (or a person) works: weekly hours in a time zone, minus holidays. */
export type BusinessCalendar = {
  timezone: string;
  weeklyHours: WeeklyHours;
  /** Local dates (`YYYY-MM-DD`) on which nobody works. */
  holidays: string[];
};

/** Monday to Friday, 9:00 to 17:00. */
export const OFFICE_HOURS: WeeklyHours = { 1: [[540, 1020]], 2: [[540, 1020]], 3: [[540, 1020]], 4: [[540, 1020]], 5: [[540, 1020]] };

/** Every hour of every day: a calendar that turns business time into wall time. */
export const ALWAYS_OPEN: WeeklyHours = { 1: [[0, 1440]], 2: [[0, 1440]], 3: [[0, 1440]], 4: [[0, 1440]], 5: [[0, 1440]], 6: [[0, 1440]], 7: [[0, 1440]] };

/** A calendar with no open hour would make deadlines infinite; two years is the longest search. */
const MAX_DAYS_SEARCHED = 2 * 366;

/** One open stretch of real time: [start, end] in epoch ms. */
export type OpenInterval = { start: number; end: number };

/** Checks that a calendar can be used: a real time zone, sane intervals, at least one open hour, ISO holidays. */
export function validateCalendar(calendar: BusinessCalendar, field = "calendar"): void {
  if (!DateTime.now().setZone(calendar.timezone).isValid) throw invalidField(`${field}.timezone`, "must be an IANA time zone such as Europe/Berlin");
  let openMinutes = 0;
  for (const [day, intervals] of Object.entries(calendar.weeklyHours)) {
    for (const [start, end] of intervals ?? []) {
      const isValid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= 1440 && start < end;
      if (!isValid) throw invalidField(`${field}.weeklyHours.${day}`, "intervals must be whole minutes with 0 ≤ start < end ≤ 1440");
      openMinutes += end - start;
    }
    const sorted = [...(intervals ?? [])].sort((a, b) => a[0] - b[0]);
    if (sorted.some((interval, i) => i > 0 && interval[0] < sorted[i - 1]![1])) {
      throw invalidField(`${field}.weeklyHours.${day}`, "intervals must not overlap");
    }
  }
  if (openMinutes === 0) throw invalidField(`${field}.weeklyHours`, "must have at least one open interval");
  for (const holiday of calendar.holidays) {
    if (!DateTime.fromISO(holiday, { zone: calendar.timezone }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(holiday)) {
      throw invalidField(`${field}.holidays`, `"${holiday}" is not a YYYY-MM-DD date`);
    }
  }
}

/**
 * The absolute instant of a local minute of a day. `set` (not `plus`) keeps wall-clock
 * meaning across DST: 9:00 stays 9:00 on the day clocks change; a minute that does not exist
 * (02:30 on a spring-forward night) moves forward to the first one that does.
 */
function localMinuteToInstant(day: DateTime, minute: number): number {
  if (minute >= 1440) return day.plus({ days: 1 }).startOf("day").toMillis();
  const local = day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
  if (local.hour * 60 + local.minute === minute) return local.toMillis();
  // Luxon moves a missing minute forward by the whole gap (02:30 → 03:30); the first minute that exists is earlier (03:00).
  let instant = local.toMillis();
  while (isAtOrAfter(instant - 60_000, day, minute)) instant -= 60_000;
  return instant;
}

function isAtOrAfter(instant: number, day: DateTime, minute: number): boolean {
  const local = DateTime.fromMillis(instant, { zone: day.zone });
  return local.hasSame(day, "day") && local.hour * 60 + local.minute >= minute;
}

/** The open intervals of the calendar from the local day containing `from` onwards, in order. */
export function* openIntervalsFrom(calendar: BusinessCalendar, from: number): Generator<OpenInterval> {
  const holidays = new Set(calendar.holidays);
  let day = DateTime.fromMillis(from, { zone: calendar.timezone }).startOf("day");
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = day.plus({ days: 1 })) {
    if (holidays.has(day.toISODate() ?? "")) continue;
    const intervals = [...(calendar.weeklyHours[day.weekday as 1] ?? [])].sort((a, b) => a[0] - b[0]);
    for (const [startMinute, endMinute] of intervals) {
      const interval = { start: localMinuteToInstant(day, startMinute), end: localMinuteToInstant(day, endMinute) };
      if (interval.end > from && interval.end > interval.start) yield interval;
    }
  }
}

/** Whether `at` falls inside open hours (start inclusive, end exclusive). */
export function isWithinBusinessHours(calendar: BusinessCalendar, at: number): boolean {
  for (const interval of openIntervalsFrom(calendar, at)) return interval.start <= at && at < interval.end;
  return false;
}

/**
 * The instant `minutes` of open time after `start`. Time before the next opening does not
 * count, so a lead captured on Saturday with a 60-minute target is due at 10:00 on Monday.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: number, minutes: number): number {
  let remainingMs = minutes * 60_000;
  for (const interval of openIntervalsFrom(calendar, start)) {
    const from = Math.max(interval.start, start);
    if (from + remainingMs <= interval.end) return from + remainingMs;
    remainingMs -= interval.end - from;
  }
  throw invalidField("calendar.weeklyHours", "has no open time within two years");
}

/** Open minutes between two instants (the inverse of `addBusinessMinutes`, for measuring response times). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: number, to: number): number {
  let openMs = 0;
  for (const interval of openIntervalsFrom(calendar, from)) {
    if (interval.start >= to) break;
    openMs += Math.min(interval.end, to) - Math.max(interval.start, from);
  }
  return openMs / 60_000;
}
