import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { checkSendWindow, isInsideWindow, nextWindowOpening } from "./send-window.js";
import { BUSINESS_HOURS_WINDOW, type SendWindow } from "./sequence.js";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("EEE yyyy-MM-dd HH:mm");
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/** The window read straight off the wall clock, independently of the implementation. */
function isInsideByWallClock(instant: number, window: SendWindow, zone: string): boolean {
  const wall = DateTime.fromMillis(instant, { zone });
  const minute = wall.hour * 60 + wall.minute;
  return window.weekdays.includes(wall.weekday) && minute >= window.startMinute && minute < window.endMinute;
}

describe("isInsideWindow", () => {
  it("reads the window in the lead's zone, start inclusive and end exclusive", () => {
    expect(isInsideWindow(at("2026-03-09T09:00", "Asia/Tokyo"), BUSINESS_HOURS_WINDOW, "Asia/Tokyo")).toBe(true);
    expect(isInsideWindow(at("2026-03-09T17:00", "Asia/Tokyo"), BUSINESS_HOURS_WINDOW, "Asia/Tokyo")).toBe(false);
    expect(isInsideWindow(at("2026-03-09T08:59", "Asia/Tokyo"), BUSINESS_HOURS_WINDOW, "Asia/Tokyo")).toBe(false);
    // 9:00 in Tokyo is 1:00 in Berlin: outside Berlin's window.
    expect(isInsideWindow(at("2026-03-09T09:00", "Asia/Tokyo"), BUSINESS_HOURS_WINDOW, "Europe/Berlin")).toBe(false);
  });

  it("keeps to the listed weekdays", () => {
    expect(isInsideWindow(at("2026-03-07T10:00", "Europe/Berlin"), BUSINESS_HOURS_WINDOW, "Europe/Berlin")).toBe(false);
    expect(isInsideWindow(at("2026-03-07T10:00", "Europe/Berlin"), { ...BUSINESS_HOURS_WINDOW, weekdays: [6] }, "Europe/Berlin")).toBe(true);
  });
});

describe("nextWindowOpening", () => {
  it("is `at` itself inside the window, closing at the end of the day's window", () => {
    const inside = at("2026-03-09T11:15", "Europe/Berlin");
    const opening = nextWindowOpening(inside, BUSINESS_HOURS_WINDOW, "Europe/Berlin");
    expect(opening.opensAt).toBe(inside);
    expect(local(opening.closesAt, "Europe/Berlin")).toBe("Mon 2026-03-09 17:00");
  });

  it("moves a Friday evening to Monday 9:00", () => {
    const opening = nextWindowOpening(at("2026-03-06T17:30", "America/New_York"), BUSINESS_HOURS_WINDOW, "America/New_York");
    // New York springs forward on Sunday 8 March: 9:00 on Monday is still 9:00 local.
    expect(local(opening.opensAt, "America/New_York")).toBe("Mon 2026-03-09 09:00");
    expect(local(opening.closesAt, "America/New_York")).toBe("Mon 2026-03-09 17:00");
  });

  it("joins a window that runs to midnight with the next day's from midnight", () => {
    const window = { startMinute: 0, endMinute: 1440, weekdays: [1, 2] };
    const opening = nextWindowOpening(at("2026-03-09T20:00", "Europe/Berlin"), window, "Europe/Berlin");
    expect(local(opening.closesAt, "Europe/Berlin")).toBe("Wed 2026-03-11 00:00");
  });

  it("opens at the first minute that exists when the window starts inside a spring-forward gap", () => {
    // New York skips 02:00–03:00 on 8 March 2026; Lord Howe skips 02:00–02:30 on 4 October 2026.
    const newYork = nextWindowOpening(at("2026-03-08T00:10", "America/New_York"), { startMinute: 150, endMinute: 1020, weekdays: [7] }, "America/New_York");
    expect(local(newYork.opensAt, "America/New_York")).toBe("Sun 2026-03-08 03:00");
    const lordHowe = nextWindowOpening(at("2026-10-04T00:10", "Australia/Lord_Howe"), { startMinute: 125, endMinute: 1020, weekdays: [7] }, "Australia/Lord_Howe");
    expect(local(lordHowe.opensAt, "Australia/Lord_Howe")).toBe("Sun 2026-10-04 02:30");
  });

  it("counts an hour that repeats when clocks fall back once, the first time", () => {
    const window = { startMinute: 0, endMinute: 90, weekdays: [7] };
    const opening = nextWindowOpening(at("2026-11-01T00:10", "America/New_York"), window, "America/New_York");
    expect(new Date(opening.closesAt).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("never skips an opening and always lands inside the window (property)", () => {
    const zone = fc.constantFrom("UTC", "Asia/Tokyo", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Sydney", "Australia/Lord_Howe", "Australia/Adelaide", "America/St_Johns");
    const minute = fc.integer({ min: 0, max: 1440 });
    // A window ending inside an hour that repeats when clocks fall back (1:00–3:00 in these zones) closes the first time round.
    // Adelaide and St John's change clocks on the half hour of UTC.
    const window = fc
      .tuple(minute, minute, fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }))
      .filter(([a, b]) => a !== b && (Math.max(a, b) <= 60 || Math.max(a, b) > 180))
      .map(([a, b, weekdays]): SendWindow => ({ startMinute: Math.min(a, b), endMinute: Math.max(a, b), weekdays }));
    // Half the instants fall within three days of a 2026 clock change (US, EU, Australia).
    const clockChanges = ["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-04", "2026-10-25", "2026-11-01"].map((day) => Date.parse(`${day}T00:00:00Z`));
    const nearClockChange = fc.tuple(fc.constantFrom(...clockChanges), fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 })).map(([day, shift]) => day + shift);
    const instant = fc.oneof(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }), nearClockChange);
    fc.assert(
      fc.property(instant, window, zone, (from, window, zone) => {
        const { opensAt, closesAt } = nextWindowOpening(from, window, zone);
        expect(opensAt).toBeGreaterThanOrEqual(from);
        expect(closesAt).toBeGreaterThan(opensAt);
        expect(isInsideByWallClock(opensAt, window, zone)).toBe(true);
        expect(isInsideWindow(opensAt, window, zone)).toBe(true);
        expect(isInsideByWallClock(closesAt, window, zone) && closesAt - opensAt < 8 * 86_400_000).toBe(false);
        for (let minute = Math.ceil(from / 60_000) * 60_000; minute < opensAt; minute += 60_000) {
          if (isInsideByWallClock(minute, window, zone)) throw new Error(`skipped ${local(minute, zone)} before ${local(opensAt, zone)}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("checkSendWindow", () => {
  const problem = (window: SendWindow) => {
    try {
      checkSendWindow(window, "steps.1.window");
      return null;
    } catch (error) {
      return error instanceof DomainError ? error.field : error;
    }
  };

  it("accepts business hours and a whole day", () => {
    expect(problem(BUSINESS_HOURS_WINDOW)).toBeNull();
    expect(problem({ startMinute: 0, endMinute: 1440, weekdays: EVERY_DAY })).toBeNull();
  });

  it("names the field at fault", () => {
    expect(problem({ startMinute: -1, endMinute: 600, weekdays: [1] })).toBe("steps.1.window.startMinute");
    expect(problem({ startMinute: 60, endMinute: 1441, weekdays: [1] })).toBe("steps.1.window.endMinute");
    expect(problem({ startMinute: 60.5, endMinute: 600, weekdays: [1] })).toBe("steps.1.window.startMinute");
    expect(problem({ startMinute: 600, endMinute: 600, weekdays: [1] })).toBe("steps.1.window.endMinute");
    expect(problem({ startMinute: 540, endMinute: 600, weekdays: [] })).toBe("steps.1.window.weekdays");
    expect(problem({ startMinute: 540, endMinute: 600, weekdays: [1, 8] })).toBe("steps.1.window.weekdays.1");
    expect(problem({ startMinute: 540, endMinute: 600, weekdays: [2, 3, 2] })).toBe("steps.1.window.weekdays.2");
  });
});
