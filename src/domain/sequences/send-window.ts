import { invalidField } from "../errors.js";
import { type BusinessCalendar, isWithinBusinessHours, openIntervalsFrom, type WeeklyHours } from "../sla/business-hours.js";
import type { SendWindow } from "./sequence.js";

/**
 * A send window is a weekly calendar with one interval on each listed weekday, so the business
 * hours clock of the SLA (DST-safe: 9:00 stays 9:00 local) does the arithmetic.
 */
function calendarOf(window: SendWindow, zone: string): BusinessCalendar {
  const weeklyHours: WeeklyHours = {};
  for (const weekday of window.weekdays) weeklyHours[weekday as keyof WeeklyHours] = [[window.startMinute, window.endMinute]];
  return { timezone: zone, weeklyHours, holidays: [] };
}

/** Whether a message may go out at `at` (start inclusive, end exclusive, local time in `zone`). */
export function isInsideWindow(at: number, window: SendWindow, zone: string): boolean {
  return isWithinBusinessHours(calendarOf(window, zone), at);
}

/** Back-to-back days (a window up to midnight, then from midnight) join into one stretch, looking this many days ahead at most. */
const MAX_JOINED_DAYS = 7;

/**
 * The first instant at or after `at` inside the window (`at` itself when inside) and when that
 * stretch of the window closes. A message planned for `opensAt` that has not gone out by
 * `closesAt` waits for the next opening.
 */
export function nextWindowOpening(at: number, window: SendWindow, zone: string): { opensAt: number; closesAt: number } {
  let opening: { opensAt: number; closesAt: number } | null = null;
  let joined = 0;
  for (const interval of openIntervalsFrom(calendarOf(window, zone), at)) {
    if (opening === null) opening = { opensAt: Math.max(interval.start, at), closesAt: interval.end };
    else if (interval.start <= opening.closesAt && joined++ < MAX_JOINED_DAYS) opening.closesAt = interval.end;
    else break;
  }
  // checkSendWindow guarantees at least one open weekday, so the calendar always opens within a week.
  if (opening === null) throw invalidField("window.weekdays", "must list at least one weekday");
  return opening;
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
