const partFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockAt(instant: number, timeZone: string): number {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    partFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/**
 * The instant at which clocks in `timeZone` show `local` ("2027-01-04T09:00", as a
 * datetime-local box holds it), or null when it is not a date. Two passes settle DST: the
 * offset is read at the first guess, then again at the corrected instant.
 */
export function instantOfLocalTime(local: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - (wallClockAt(wall, timeZone) - wall);
  instant = wall - (wallClockAt(instant, timeZone) - instant);
  return instant;
}

/** `instantOfLocalTime` as the API writes instants: ISO 8601 in UTC ("2027-01-04T08:00:00.000Z"), or null when `local` is not a date. */
export function isoOfLocalTime(local: string, timeZone: string): string | null {
  const instant = instantOfLocalTime(local, timeZone);
  return instant === null ? null : new Date(instant).toISOString();
}

/**
 * What clocks in `timeZone` show at `instant` (epoch ms, or an ISO 8601 date-time as the API
 * gives it), as a datetime-local box holds it ("2027-01-04T09:00").
 */
export function localTimeOf(instant: number | string, timeZone: string): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant;
  return new Date(wallClockAt(ms, timeZone)).toISOString().slice(0, 16);
}
