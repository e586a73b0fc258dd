import { describe, expect, it } from "vitest";
import { leadTimeZone } from "./lead-time-zone.js";

describe("leadTimeZone", () => {
  it("prefers the lead's own zone", () => {
    expect(leadTimeZone({ custom: { timezone: "Asia/Tokyo" } }, "Europe/Berlin")).toBe("Asia/Tokyo");
    expect(leadTimeZone({ custom: { timezone: " America/New_York " } }, null)).toBe("America/New_York");
  });

  it("falls back to the owner's zone when the lead has none or a wrong one", () => {
    expect(leadTimeZone({ custom: {} }, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(leadTimeZone({ custom: { timezone: "Mars/Olympus" } }, "Europe/Berlin")).toBe("Europe/Berlin");
    expect(leadTimeZone({ custom: { timezone: 9 } }, "Europe/Berlin")).toBe("Europe/Berlin");
  });

  it("ends at UTC without an owner zone", () => {
    expect(leadTimeZone({ custom: {} }, null)).toBe("UTC");
    expect(leadTimeZone({ custom: {} }, "Nowhere/Else")).toBe("UTC");
  });
});
