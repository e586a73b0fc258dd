import { describe, expect, it } from "vitest";
import { addMonths, isMonth, lastCompleteMonth, monthInWords, monthOf, monthsOf, monthStartsAt } from "./close-months.js";

describe("close months", () => {
  it("places an instant in the workspace's month, not UTC's", () => {
    const earlyFirstOfNovemberUtc = Date.UTC(2026, 10, 1, 2, 0);
    expect(monthOf(earlyFirstOfNovemberUtc, "UTC")).toBe("2026-11");
    expect(monthOf(earlyFirstOfNovemberUtc, "America/New_York")).toBe("2026-10");
    expect(monthStartsAt("2026-11", "America/New_York")).toBe(Date.UTC(2026, 10, 1, 4, 0));
  });

  it("names the last month that has ended, across a year end", () => {
    expect(lastCompleteMonth(Date.UTC(2027, 0, 1, 3, 0), "UTC")).toBe("2026-12");
    expect(lastCompleteMonth(Date.UTC(2027, 0, 1, 3, 0), "America/Los_Angeles")).toBe("2026-11");
    expect(addMonths("2026-10", -12)).toBe("2025-10");
    expect(addMonths("2026-12", 1)).toBe("2027-01");
  });

  it("says a month in words and checks the YYYY-MM form", () => {
    expect(monthInWords("2026-10")).toBe("October 2026");
    expect(["2026-10", "2026-1", "2026-13", "2026-00", "26-10", "2026-10-01"].map(isMonth)).toEqual([true, false, false, false, false, false]);
  });

  it("lists every month from the first instant to the last, gaps and DST changes included", () => {
    const zone = "America/New_York";
    const instants = [Date.UTC(2026, 4, 31, 23, 0), Date.UTC(2026, 0, 15), Date.UTC(2026, 2, 1, 4, 59), Date.UTC(2026, 2, 8, 12, 0), Date.UTC(2026, 3, 1, 3, 59)];
    const { months, indexes } = monthsOf(instants, zone);
    expect(months).toEqual(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]);
    expect(indexes.map((i) => months[i])).toEqual(instants.map((at) => monthOf(at, zone)));
    expect(monthsOf([], zone)).toEqual({ months: [], indexes: [] });
  });
});
