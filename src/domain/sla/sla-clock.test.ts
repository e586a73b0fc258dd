import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { OFFICE_HOURS } from "./business-hours.js";
import { nextSlaStep, slaDeadlines, type SlaStep } from "./sla-clock.js";
import { DEFAULT_ESCALATION, type SlaPolicy } from "./sla-policy.js";

const workspace = { timezone: "Europe/Berlin", weeklyHours: OFFICE_HOURS, holidays: [] };
const policy: SlaPolicy = { id: "sla", name: "Warm", targetMinutes: 60, warningShare: 0.5, clock: "business", isAutomatedResponseEnough: false, escalation: DEFAULT_ESCALATION, isDefault: true };
const berlin = (iso: string) => DateTime.fromISO(iso, { zone: "Europe/Berlin" }).toMillis();

describe("slaDeadlines", () => {
  it("measures business time by default: a Friday 16:45 lead warns Monday 9:15 and is due 9:45", () => {
    const deadlines = slaDeadlines(policy, workspace, berlin("2026-03-06T16:45"));
    expect(deadlines.warnAt).toBe(berlin("2026-03-09T09:15"));
    expect(deadlines.dueAt).toBe(berlin("2026-03-09T09:45"));
  });

  it("measures every minute on a wall clock", () => {
    const start = berlin("2026-03-06T16:45");
    expect(slaDeadlines({ ...policy, clock: "wall" }, workspace, start)).toEqual({ startedAt: start, warnAt: start + 30 * 60_000, dueAt: start + 60 * 60_000 });
  });
});

describe("nextSlaStep", () => {
  it("runs warn → breach → notify owner → reassign → notify manager, then stops", () => {
    const deadlines = { startedAt: 0, warnAt: 30 * 60_000, dueAt: 60 * 60_000 };
    const steps: { step: SlaStep; runAt: number }[] = [];
    let current: SlaStep | null = null;
    for (let next = nextSlaStep(policy, deadlines, current); next; next = nextSlaStep(policy, deadlines, current)) {
      steps.push(next);
      current = next.step;
    }
    expect(steps.map((s) => [s.step.kind === "escalate" ? s.step.action : s.step.kind, s.runAt / 60_000])).toEqual([
      ["warn", 30],
      ["breach", 60],
      ["notify_owner", 60],
      ["reassign", 75],
      ["notify_manager", 90],
    ]);
  });

  it("skips the warning when the policy has none", () => {
    expect(nextSlaStep({ ...policy, warningShare: 0 }, { startedAt: 0, warnAt: 0, dueAt: 100 }, null)).toEqual({ step: { kind: "breach" }, runAt: 100 });
  });
});
