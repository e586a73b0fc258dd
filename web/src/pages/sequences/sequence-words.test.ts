import { describe, expect, it } from "vitest";
import { minuteOfTime, timeOfMinute, windowText } from "./sequence-words.js";

describe("timeOfMinute and minuteOfTime", () => {
  it("turn minutes after midnight into a time box's value and back", () => {
    expect(timeOfMinute(540)).toBe("09:00");
    expect(timeOfMinute(1440)).toBe("24:00");
    expect(minuteOfTime("17:30")).toBe(1050);
    expect(minuteOfTime("24:00")).toBe(1440);
    expect(minuteOfTime("9:75")).toBeNull();
    expect(minuteOfTime("")).toBeNull();
  });
});

describe("windowText", () => {
  it("reads a run of weekdays as a range and others as a list", () => {
    expect(windowText({ startMinute: 540, endMinute: 1020, weekdays: [1, 2, 3, 4, 5] })).toBe("Mon–Fri 09:00–17:00");
    expect(windowText({ startMinute: 600, endMinute: 720, weekdays: [3, 1] })).toBe("Mon, Wed 10:00–12:00");
    expect(windowText({ startMinute: 0, endMinute: 1440, weekdays: [1, 2, 3, 4, 5, 6, 7] })).toBe("Every day 00:00–24:00");
  });
});
