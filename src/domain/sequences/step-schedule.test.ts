import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isInsideWindow } from "./send-window.js";
import { BUSINESS_HOURS_WINDOW, type Sequence, type SendWindow } from "./sequence.js";
import { planStepSend, positionAfter, stepDueAt } from "./step-schedule.js";

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat("EEE yyyy-MM-dd HH:mm");
const EVERY_DAY: SendWindow = { ...BUSINESS_HOURS_WINDOW, weekdays: [1, 2, 3, 4, 5, 6, 7] };
const ZONES = ["Asia/Tokyo", "Europe/Berlin", "America/New_York"] as const;
/** 2026 clock changes: the US on 8 March and 1 November, the EU on 29 March and 25 October. */
const DST_CHANGES = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01"] as const;

describe("stepDueAt", () => {
  it("counts calendar days at the same wall-clock time across a clock change", () => {
    expect(local(stepDueAt(at("2026-03-27T10:00", "Europe/Berlin"), 2, "Europe/Berlin"), "Europe/Berlin")).toBe("Sun 2026-03-29 10:00");
    expect(local(stepDueAt(at("2026-10-30T10:00", "America/New_York"), 2, "America/New_York"), "America/New_York")).toBe("Sun 2026-11-01 10:00");
    // 02:30 does not exist on 8 March in New York: the step falls due when the clocks jump to 03:00.
    expect(local(stepDueAt(at("2026-03-06T02:30", "America/New_York"), 2, "America/New_York"), "America/New_York")).toBe("Sun 2026-03-08 03:00");
    // 01:30 happens twice on 1 November in New York: the first time.
    expect(new Date(stepDueAt(at("2026-10-30T01:30", "America/New_York"), 2, "America/New_York")).toISOString()).toBe("2026-11-01T05:30:00.000Z");
    // Two calendar days across spring forward are 47 hours of real time.
    expect(stepDueAt(at("2026-03-27T10:00", "Europe/Berlin"), 2, "Europe/Berlin") - at("2026-03-27T10:00", "Europe/Berlin")).toBe(47 * 3_600_000);
  });
});

describe("planStepSend: day 2, 9:00–17:00 lead time, enrolled just before a DST change", () => {
  const enrolments = ZONES.flatMap((zone) =>
    DST_CHANGES.flatMap((change) =>
      // Every half hour of the two days before the change.
      Array.from({ length: 96 }, (_, i) => ({ zone, anchorAt: DateTime.fromISO(change, { zone }).minus({ days: 2 }).plus({ minutes: 30 * i }).toMillis() })),
    ),
  );

  it.each([
    ["on weekdays", BUSINESS_HOURS_WINDOW],
    ["every day", EVERY_DAY],
  ])("plans every step inside the window, %s", (_, window) => {
    for (const { zone, anchorAt } of enrolments) {
      const due = stepDueAt(anchorAt, 2, zone);
      const { sendAt, windowClosesAt } = planStepSend(anchorAt, { dayOffset: 2, window }, zone, anchorAt);
      const wall = DateTime.fromMillis(sendAt, { zone });
      expect(wall.hour, `${zone} enrolled ${local(anchorAt, zone)}`).toBeGreaterThanOrEqual(9);
      expect(wall.hour, `${zone} enrolled ${local(anchorAt, zone)}`).toBeLessThan(17);
      expect(window.weekdays).toContain(wall.weekday);
      expect(sendAt).toBeGreaterThanOrEqual(due);
      expect(DateTime.fromMillis(windowClosesAt, { zone }).toFormat("HH:mm")).toBe("17:00");
      // Due inside the window: it goes out at the time it fell due, the enrolment's wall-clock time.
      if (isInsideWindow(due, window, zone)) expect(DateTime.fromMillis(sendAt, { zone }).toFormat("HH:mm")).toBe(DateTime.fromMillis(anchorAt, { zone }).toFormat("HH:mm"));
    }
  });

  it("sends at 10:00 local on the day clocks change, whatever the UTC offset", () => {
    const plan = (iso: string, zone: string) => new Date(planStepSend(at(iso, zone), { dayOffset: 2, window: EVERY_DAY }, zone, at(iso, zone)).sendAt).toISOString();
    expect(plan("2026-03-06T10:00", "America/New_York")).toBe("2026-03-08T14:00:00.000Z");
    expect(plan("2026-10-30T10:00", "America/New_York")).toBe("2026-11-01T15:00:00.000Z");
    expect(plan("2026-03-27T10:00", "Europe/Berlin")).toBe("2026-03-29T08:00:00.000Z");
    expect(plan("2026-10-23T10:00", "Europe/Berlin")).toBe("2026-10-25T09:00:00.000Z");
    expect(plan("2026-03-27T10:00", "Asia/Tokyo")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("moves a step due in the evening or at the weekend to the next opening", () => {
    const plan = (iso: string, zone: string) => local(planStepSend(at(iso, zone), { dayOffset: 2, window: BUSINESS_HOURS_WINDOW }, zone, at(iso, zone)).sendAt, zone);
    expect(plan("2026-03-06T10:00", "America/New_York")).toBe("Mon 2026-03-09 09:00");
    expect(plan("2026-03-26T18:30", "Europe/Berlin")).toBe("Mon 2026-03-30 09:00");
    expect(plan("2026-10-22T23:30", "Asia/Tokyo")).toBe("Mon 2026-10-26 09:00");
  });

  it("never plans before now: a step overdue after a pause goes out at the next opening", () => {
    const zone = "Europe/Berlin";
    const now = at("2026-03-31T12:34", zone);
    expect(planStepSend(at("2026-03-20T10:00", zone), { dayOffset: 2, window: BUSINESS_HOURS_WINDOW }, zone, now).sendAt).toBe(now);
  });

  it("sendAt ≥ max(due, now), inside the window, before it closes (property)", () => {
    const window = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }), fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }))
      .filter(([startHour, endHour]) => startHour < endHour)
      .map(([startHour, endHour, weekdays]): SendWindow => ({ startMinute: startHour * 60, endMinute: endHour * 60, weekdays }));
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 730 }), fc.integer({ min: -30 * 86_400_000, max: 30 * 86_400_000 }), window, fc.constantFrom(...ZONES), (anchorAt, dayOffset, nowShift, window, zone) => {
        const now = anchorAt + nowShift;
        const { sendAt, windowClosesAt } = planStepSend(anchorAt, { dayOffset, window }, zone, now);
        expect(sendAt).toBeGreaterThanOrEqual(Math.max(stepDueAt(anchorAt, dayOffset, zone), now));
        expect(isInsideWindow(sendAt, window, zone)).toBe(true);
        expect(windowClosesAt).toBeGreaterThan(sendAt);
      }),
    );
  });
});

describe("positionAfter", () => {
  const steps = [0, 2, 5].map((dayOffset) => ({ dayOffset, channel: "email" as const, subject: "s", body: "b", window: BUSINESS_HOURS_WINDOW, proofAssetIds: [] }));
  const followUp: Pick<Sequence, "steps" | "purpose" | "repeatEveryDays"> = { steps, purpose: "follow_up", repeatEveryDays: null };
  const anchorAt = at("2026-10-20T10:00", "Europe/Berlin");

  it("moves to the next step of the cycle", () => {
    expect(positionAfter(followUp, { cycle: 0, stepIndex: 1, anchorAt }, "Europe/Berlin")).toEqual({ kind: "step", cycle: 0, stepIndex: 2, anchorAt });
  });

  it("ends a follow-up after its last step", () => {
    expect(positionAfter(followUp, { cycle: 0, stepIndex: 2, anchorAt }, "Europe/Berlin")).toEqual({ kind: "end" });
    expect(positionAfter({ ...followUp, purpose: "nurture" }, { cycle: 0, stepIndex: 2, anchorAt }, "Europe/Berlin")).toEqual({ kind: "end" });
  });

  it("starts a repeating nurture sequence over, repeatEveryDays after the last step's day", () => {
    const next = positionAfter({ steps, purpose: "nurture", repeatEveryDays: 30 }, { cycle: 3, stepIndex: 2, anchorAt }, "Europe/Berlin");
    expect(next).toMatchObject({ kind: "step", cycle: 4, stepIndex: 0 });
    // Day 5 + 30 = 35 calendar days later, still 10:00 after the clocks went back.
    expect(next.kind === "step" && local(next.anchorAt, "Europe/Berlin")).toBe("Tue 2026-11-24 10:00");
  });
});
