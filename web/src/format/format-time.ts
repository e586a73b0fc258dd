const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      // An unknown zone name must not blank the page; fall back to the browser's zone.
      formatter = new Intl.DateTimeFormat(undefined, options);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "2 Mar 2026, 09:00" in the user's time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatterFor(timeZone, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** "2 Mar 2026" in the user's time zone. */
export function formatDate(iso: string, timeZone: string): string {
  return formatterFor(timeZone, { dateStyle: "medium" }).format(new Date(iso));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "3 hours ago", "in 2 days"; "just now" under a minute. */
export function formatRelative(iso: string, now: number): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

/** "1 day", "3 days". */
export function formatDays(count: number): string {
  return `${count} ${count === 1 ? "day" : "days"}`;
}
