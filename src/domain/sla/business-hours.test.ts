import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  ALWAYS_OPEN,
  type BusinessCalendar,
  businessMinutesBetween,
  type DayHours,
  isWithinBusinessHours,
  OFFICE_HOURS,
  openIntervalsFrom,
  validateCalendar,
  type WeeklyHours,
} from "./business-hours.js";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm");

const newYork: BusinessCalendar = { timezone: "America/New_York", weeklyHours: OFFICE_HOURS, holidays: ["2026-12-25"] };
const berlin: BusinessCalendar = { timezone: "Europe/Berlin", weeklyHours: OFFICE_HOURS, holidays: [] };

describe("addBusinessMinutes", () => {
  it("counts only open time: Friday 16:30 + 60 min is Monday 9:30", () => {
    expect(local(addBusinessMinutes(newYork, at("2026-03-06T16:30", "America/New_York"), 60), "America/New_York")).toBe("2026-03-09 09:30");
  });

  it("starts the clock at the next opening when captured outside hours", () => {
    expect(local(addBusinessMinutes(berlin, at("2026-03-07T12:00", "Europe/Berlin"), 5), "Europe/Berlin")).toBe("2026-03-09 09:05");
    expect(local(addBusinessMinutes(berlin, at("2026-03-09T07:00", "Europe/Berlin"), 0), "Europe/Berlin")).toBe("2026-03-09 09:00");
  });

  it("skips holidays", () => {
    expect(local(addBusinessMinutes(newYork, at("2026-12-24T16:00", "America/New_York"), 120), "America/New_York")).toBe("2026-12-28 10:00");
  });

  it("keeps 9:00 at 9:00 local on the days clocks change", () => {
    // New York springs forward on 2026-03-08 (a Sunday) and falls back on 2026-11-01; Berlin on 2026-03-29 and 2026-10-25.
    expect(local(addBusinessMinutes(newYork, at("2026-03-06T16:00", "America/New_York"), 120), "America/New_York")).toBe("2026-03-09 10:00");
    expect(local(addBusinessMinutes(newYork, at("2026-10-30T16:00", "America/New_York"), 120), "America/New_York")).toBe("2026-11-02 10:00");
    expect(local(addBusinessMinutes(berlin, at("2026-03-27T16:00", "Europe/Berlin"), 120), "Europe/Berlin")).toBe("2026-03-30 10:00");
    expect(local(addBusinessMinutes(berlin, at("2026-10-23T16:00", "Europe/Berlin"), 120), "Europe/Berlin")).toBe("2026-10-26 10:00");
  });

  it("measures real elapsed time across a DST change in an always-open calendar", () => {
    const open: BusinessCalendar = { timezone: "America/New_York", weeklyHours: ALWAYS_OPEN, holidays: [] };
    const start = at("2026-03-08T01:30", "America/New_York");
    const due = addBusinessMinutes(open, start, 60);
    expect(due - start).toBe(3_600_000);
    expect(local(due, "America/New_York")).toBe("2026-03-08 03:30");
    const fallBack = at("2026-11-01T00:30", "America/New_York");
    expect(addBusinessMinutes(open, fallBack, 180) - fallBack).toBe(3 * 3_600_000);
  });
});

describe("validateCalendar", () => {
  it.each<[string, Partial<BusinessCalendar>, string]>([
    ["an unknown zone", { timezone: "Mars/Olympus" }, "calendar.timezone"],
    ["no open hours", { weeklyHours: {} }, "calendar.weeklyHours"],
    ["a backwards interval", { weeklyHours: { 1: [[600, 540]] } }, "calendar.weeklyHours.1"],
    ["overlapping intervals", { weeklyHours: { 2: [[540, 720], [700, 900]] } }, "calendar.weeklyHours.2"],
    ["a malformed holiday", { holidays: ["25/12/2026"] }, "calendar.holidays"],
  ])("refuses %s", (_name, change, field) => {
    expect(() => validateCalendar({ ...newYork, ...change })).toThrow(expect.objectContaining({ field }));
  });
});

const ZONES = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "UTC"];
const dayHours: fc.Arbitrary<DayHours> = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 0, maxLength: 4 })
  .map((halfHours) => {
    const sorted = [...halfHours].sort((a, b) => a - b);
    const intervals: DayHours = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push([sorted[i]! * 30, sorted[i + 1]! * 30]);
    return intervals;
  });
const weeklyHours: fc.Arbitrary<WeeklyHours> = fc
  .tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours)
  .map((days) => Object.fromEntries(days.map((hours, i) => [i + 1, hours])) as WeeklyHours)
  .filter((hours) => Object.values(hours).some((day) => (day ?? []).length > 0));
// 2026-01-01 to 2027-12-31: four DST changes in each of New York and Berlin.
const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) });
const calendar: fc.Arbitrary<BusinessCalendar> = fc.record({
  timezone: fc.constantFrom(...ZONES),
  weeklyHours,
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: 730 }).map((d) => DateTime.fromMillis(Date.UTC(2026, 0, 1) + d * 86_400_000, { zone: "UTC" }).toISODate()!), { maxLength: 20 }),
});

describe("business-hours SLA clock properties", () => {
  it("is never before the start, lands inside open hours, off holidays, after exactly the asked open minutes", () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 3000 }), (cal, start, minutes) => {
        const due = addBusinessMinutes(cal, start, minutes);
        expect(due).toBeGreaterThan(start);
        // A deadline sits in open time: inside an interval, or exactly at the end of one.
        expect(isWithinBusinessHours(cal, due - 1)).toBe(true);
        expect(cal.holidays).not.toContain(DateTime.fromMillis(due - 1, { zone: cal.timezone }).toISODate());
        expect(businessMinutesBetween(cal, start, due)).toBeCloseTo(minutes, 6);
      }),
      { numRuns: 500 },
    );
  });

  it("yields open intervals in order, without overlap, each within one local day", () => {
    fc.assert(
      fc.property(calendar, instant, (cal, start) => {
        let previousEnd = -Infinity;
        let count = 0;
        for (const interval of openIntervalsFrom(cal, start)) {
          expect(interval.start).toBeGreaterThanOrEqual(previousEnd);
          expect(interval.end).toBeGreaterThan(interval.start);
          expect(interval.end - interval.start).toBeLessThanOrEqual(25 * 3_600_000);
          previousEnd = interval.end;
          if (++count > 30) break;
        }
      }),
      { numRuns: 200 },
    );
  });
});
