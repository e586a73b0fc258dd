import { describe, expect, it } from "vitest";
import { refusedField } from "../../../test/support/domain-failure.js";
import { checkNextStepInput, isTimerCurrent, nextStepTimerPlan } from "./next-step.js";

const step = { action: "Call back", dueAt: 1_000_000, ownerId: "u1", setAt: 0, status: "scheduled" as const };

describe("checkNextStepInput", () => {
  it("trims the action and keeps the due time", () => {
    expect(checkNextStepInput({ action: "  Send the case study ", dueAt: 5 })).toEqual({ action: "Send the case study", dueAt: 5, ownerId: undefined });
  });

  it("refuses a blank or too long action, naming the field under its prefix", () => {
    expect(refusedField(() => checkNextStepInput({ action: "   ", dueAt: 5 }))).toBe("action");
    expect(refusedField(() => checkNextStepInput({ action: "x".repeat(501), dueAt: 5 }, "nextStep"))).toBe("nextStep.action");
    expect(checkNextStepInput({ action: ` ${"x".repeat(500)} `, dueAt: 5 }).action).toHaveLength(500);
  });

  it("refuses a due time that is not an integer instant", () => {
    expect(refusedField(() => checkNextStepInput({ action: "Call", dueAt: 1.5 }, "next"))).toBe("next.dueAt");
    expect(refusedField(() => checkNextStepInput({ action: "Call", dueAt: -1 }))).toBe("dueAt");
  });
});

describe("nextStepTimerPlan", () => {
  it("reminds at the due time, checks overdue the configured minutes later, then stops", () => {
    expect(nextStepTimerPlan(step, 60)).toEqual({ runAt: 1_000_000, kind: "due" });
    expect(nextStepTimerPlan({ ...step, status: "due" }, 60)).toEqual({ runAt: 1_000_000 + 3_600_000, kind: "overdue" });
    expect(nextStepTimerPlan({ ...step, status: "overdue" }, 60)).toBeNull();
  });
});

describe("isTimerCurrent", () => {
  it("holds only for the same due time at the status the timer expects", () => {
    expect(isTimerCurrent(step, { kind: "due", dueAt: 1_000_000 })).toBe(true);
    expect(isTimerCurrent(step, { kind: "due", dueAt: 999 })).toBe(false);
    expect(isTimerCurrent(step, { kind: "overdue", dueAt: 1_000_000 })).toBe(false);
    expect(isTimerCurrent({ ...step, status: "due" }, { kind: "overdue", dueAt: 1_000_000 })).toBe(true);
    expect(isTimerCurrent(null, { kind: "due", dueAt: 1_000_000 })).toBe(false);
  });
});
