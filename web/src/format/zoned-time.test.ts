import { describe, expect, it } from "vitest";
import { instantOfLocalTime, isoOfLocalTime, localTimeOf } from "./zoned-time.js";

describe("instantOfLocalTime", () => {
  it("reads a wall-clock time in the person's zone, winter and summer", () => {
    expect(new Date(instantOfLocalTime("2027-01-04T09:00", "Europe/Berlin")!).toISOString()).toBe("2027-01-04T08:00:00.000Z");
    expect(new Date(instantOfLocalTime("2026-07-01T09:00", "America/New_York")!).toISOString()).toBe("2026-07-01T13:00:00.000Z");
  });

  it("gets the offset right on the day the clocks change", () => {
    // Berlin moves to summer time at 02:00 UTC+1 on 29 March 2026.
    expect(new Date(instantOfLocalTime("2026-03-29T09:00", "Europe/Berlin")!).toISOString()).toBe("2026-03-29T07:00:00.000Z");
  });

  it("refuses what is not a datetime-local value", () => {
    expect(instantOfLocalTime("", "UTC")).toBeNull();
    expect(instantOfLocalTime("tomorrow", "UTC")).toBeNull();
  });
});

describe("localTimeOf", () => {
  it("shows an instant as the person's wall clock reads it, and reads back to the same instant", () => {
    const instant = Date.parse("2027-01-04T08:00:00Z");
    expect(localTimeOf(instant, "Europe/Berlin")).toBe("2027-01-04T09:00");
    expect(localTimeOf(Date.parse("2026-07-01T13:00:00Z"), "America/New_York")).toBe("2026-07-01T09:00");
    expect(instantOfLocalTime(localTimeOf(instant, "Asia/Kolkata"), "Asia/Kolkata")).toBe(instant);
  });
});

describe("ISO 8601 instants, as the API gives and takes them", () => {
  it("reads a datetime-local value to an ISO instant and shows one back as the wall clock reads it", () => {
    expect(isoOfLocalTime("2027-01-04T09:00", "Europe/Berlin")).toBe("2027-01-04T08:00:00.000Z");
    expect(isoOfLocalTime("tomorrow", "UTC")).toBeNull();
    expect(localTimeOf("2027-01-04T08:00:00.000Z", "Europe/Berlin")).toBe("2027-01-04T09:00");
    expect(localTimeOf("2026-07-01T15:00:00+02:00", "America/New_York")).toBe("2026-07-01T09:00");
  });
});
