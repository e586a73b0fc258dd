import { describe, expect, it } from "vitest";
import { addWorkingMinutes, instantOfWallClock, isWithinWorkingHours, nextWorkingMoment, wallClockOf, weekdayOf, zoneOffsetMinutes } from "./zoned-time.js";

const berlin = { timeZone: "Europe/Berlin", startHour: 9, endHour: 17 };
const newYork = { timeZone: "America/New_York", startHour: 9, endHour: 17 };

describe("zoned time", () => {
  it("knows the offset on both sides of a DST change", () => {
    expect(zoneOffsetMinutes("Europe/Berlin", Date.UTC(2026, 2, 29, 0, 59))).toBe(60);
    expect(zoneOffsetMinutes("Europe/Berlin", Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
    expect(zoneOffsetMinutes("America/New_York", Date.UTC(2026, 0, 15))).toBe(-300);
    expect(zoneOffsetMinutes("America/New_York", Date.UTC(2026, 6, 15))).toBe(-240);
    expect(zoneOffsetMinutes("Australia/Brisbane", Date.UTC(2026, 6, 15))).toBe(600);
  });

  it("round-trips wall clocks, including the morning after a DST change", () => {
    const wall = Date.UTC(2026, 2, 30, 9, 0); // Monday 09:00 in Berlin, first day of summer time
    const at = instantOfWallClock(wall, "Europe/Berlin");
    expect(at).toBe(Date.UTC(2026, 2, 30, 7, 0));
    expect(wallClockOf(at, "Europe/Berlin")).toBe(wall);
  });

  it("counts weekdays from the epoch (1970-01-01 was a Thursday)", () => {
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(Date.UTC(2026, 2, 2))).toBe(new Date(Date.UTC(2026, 2, 2)).getUTCDay());
    expect(weekdayOf(Date.UTC(1969, 11, 28))).toBe(0);
  });

  it("moves a Saturday lead to Monday 9:00 in the rep's zone", () => {
    const saturdayNoon = Date.UTC(2026, 2, 7, 12, 0);
    expect(isWithinWorkingHours(saturdayNoon, newYork)).toBe(false);
    expect(nextWorkingMoment(saturdayNoon, newYork)).toBe(Date.UTC(2026, 2, 9, 13, 0));
  });

  it("keeps an instant already inside working hours", () => {
    const mondayTen = Date.UTC(2026, 2, 2, 9, 0); // 10:00 in Berlin
    expect(nextWorkingMoment(mondayTen, berlin)).toBe(mondayTen);
  });

  it("carries working minutes over the evening into the next morning", () => {
    const mondayFourPm = Date.UTC(2026, 2, 2, 15, 0); // 16:00 in Berlin: one working hour left
    expect(addWorkingMinutes(mondayFourPm, 30, berlin)).toBe(Date.UTC(2026, 2, 2, 15, 30));
    expect(addWorkingMinutes(mondayFourPm, 90, berlin)).toBe(Date.UTC(2026, 2, 3, 8, 30));
    const fridayFourPm = Date.UTC(2026, 2, 6, 15, 0);
    expect(addWorkingMinutes(fridayFourPm, 90, berlin)).toBe(Date.UTC(2026, 2, 9, 8, 30));
  });
});
