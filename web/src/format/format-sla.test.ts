import { describe, expect, it } from "vitest";
import { describeSla, formatMinutes, formatRemaining } from "./format-sla.js";

const START = Date.parse("2026-03-02T09:00:00Z");
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function sla(overrides: Partial<{ status: "running" | "met" | "breached"; firstResponseAt: string | null }> = {}) {
  return { policyId: "sla_hot", status: "running" as const, startedAt: iso(START), warnAt: iso(START + 3 * MINUTE), dueAt: iso(START + 5 * MINUTE), firstResponseAt: null, ...overrides };
}

describe("describeSla", () => {
  it("counts down in minutes and seconds while the clock runs", () => {
    expect(describeSla(sla(), START + 1000)).toEqual({ tone: "running", text: "4:59 left" });
  });

  it("says the response is due soon once the warning share has passed", () => {
    expect(describeSla(sla(), START + 4 * MINUTE)).toEqual({ tone: "warning", text: "Due soon: 1:00 left" });
  });

  it("never says due soon under a policy that does not warn (warning share 0)", () => {
    expect(describeSla({ ...sla(), warnAt: iso(START) }, START + 4 * MINUTE).tone).toBe("running");
  });

  it("says how long a lead is overdue, even before the worker records the breach", () => {
    expect(describeSla(sla(), START + 17 * MINUTE + 30_000)).toEqual({ tone: "overdue", text: "Overdue 12 min" });
    expect(describeSla(sla({ status: "breached" }), START + 5 * MINUTE + 10_000)).toEqual({ tone: "overdue", text: "Overdue 1 min" });
  });

  it("reports how fast the first response came, and a late one as breached", () => {
    expect(describeSla(sla({ status: "met", firstResponseAt: iso(START + 3 * MINUTE) }), START + 60 * MINUTE)).toEqual({ tone: "met", text: "Met in 3 min" });
    expect(describeSla(sla({ status: "breached", firstResponseAt: iso(START + 75 * MINUTE) }), START)).toEqual({ tone: "late", text: "Breached, answered after 1 h 15 min" });
  });
});

describe("formatRemaining and formatMinutes", () => {
  it("shows hours and days without losing the larger unit", () => {
    expect(formatRemaining(3_725_000)).toBe("1:02:05");
    expect(formatRemaining(2 * 86_400_000 + 3 * 3_600_000)).toBe("2 d 3 h");
    expect(formatMinutes(3 * 1440 + 250)).toBe("3 d 4 h");
  });
});
