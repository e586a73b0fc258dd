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

  it("never skips an opening and always lands inside the window (property)", () => {
    const zone = fc.constantFrom("UTC", "Asia/Tokyo", "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Sydney");
    // Boundaries away from 1:00–4:00, where clocks change: there a wall-clock minute may not exist or occur twice.
    const minute = fc.integer({ min: 0, max: 1440 }).filter((m) => m < 60 || m >= 240);
    const window = fc
      .tuple(minute, minute, fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }))
      .filter(([a, b]) => a !== b)
      .map(([a, b, weekdays]): SendWindow => ({ startMinute: Math.min(a, b), endMinute: Math.max(a, b), weekdays }));
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) });
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
