import { describe, expect, it } from "vitest";
import { conditionHolds, safeRegExp } from "./match-conditions.js";

describe("safeRegExp", () => {
  it("gives the same compiled pattern for the same text, and null for an invalid one every time", () => {
    expect(safeRegExp("\\b(vp|head)\\b")).toBe(safeRegExp("\\b(vp|head)\\b"));
    expect(safeRegExp("(unclosed")).toBeNull();
    expect(safeRegExp("(unclosed")).toBeNull();
  });

  it("keeps no state between leads: a shared pattern matches every lead it should, in any case", () => {
    const condition = { field: "title", operator: "matches", value: "director" } as const;
    const titles = ["Director of Sales", "Sales Director", "DIRECTOR", "Manager", "director"];
    const twice = [...titles, ...titles].map((title) => conditionHolds(condition, { title }));
    expect(twice).toEqual([true, true, true, false, true, true, true, true, false, true]);
  });
});
