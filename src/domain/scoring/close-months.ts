import { DateTime } from "luxon";

/**
 * Calendar months (`YYYY-MM`) in the workspace's time zone, as drift counts closed leads: a
 * lead closed at 02:00 UTC on 1 November in New York closed in October.
 */

const MONTH_FORMAT = "yyyy-MM";

/** Whether text is a month as drift names them, `YYYY-MM`. */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** The month `count` months after (negative: before) a month. */
export function addMonths(month: string, count: number): string {
  return DateTime.fromFormat(month, MONTH_FORMAT, { zone: "utc" }).plus({ months: count }).toFormat(MONTH_FORMAT);
}

/** The instant a month starts in a time zone. */
export function monthStartsAt(month: string, timezone: string): number {
  return DateTime.fromFormat(month, MONTH_FORMAT, { zone: timezone }).toMillis();
}

/** The month an instant falls in, in a time zone. */
export function monthOf(at: number, timezone: string): string {
  return DateTime.fromMillis(at, { zone: timezone }).toFormat(MONTH_FORMAT);
}

/** The latest month that has ended by `now`, in a time zone. */
export function lastCompleteMonth(now: number, timezone: string): string {
  return addMonths(monthOf(now, timezone), -1);
}

/** A month in words, "October 2026". */
export function monthInWords(month: string): string {
  return DateTime.fromFormat(month, MONTH_FORMAT, { zone: "utc", locale: "en-US" }).toFormat("LLLL yyyy");
}

/**
 * Sorts instants into months: every month from the first instant's to the last's (gaps
 * included), and for each instant the index of its month. Month boundaries are computed once
 * and each instant is placed by binary search, because a time-zone conversion per instant
 * costs microseconds and a workspace may hold 100,000 closed leads.
 */
export function monthsOf(instants: readonly number[], timezone: string): { months: string[]; indexes: number[] } {
  if (instants.length === 0) return { months: [], indexes: [] };
  // reduce, not Math.max(...instants): spreading 100,000 arguments overflows the stack.
  const last = monthOf(instants.reduce((a, b) => Math.max(a, b)), timezone);
  const months = [monthOf(instants.reduce((a, b) => Math.min(a, b)), timezone)];
  while (months.at(-1)! < last) months.push(addMonths(months.at(-1)!, 1));
  const starts = months.map((month) => monthStartsAt(month, timezone));
  const indexes = instants.map((at) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  });
  return { months, indexes };
}
