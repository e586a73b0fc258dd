import { wallClockOf } from "../demo/zoned-time.js";
import { firstInstantAtWallClock, nextWindowOpening } from "./send-window.js";
import type { Sequence, SequenceStep } from "./sequence.js";
import { DAY_MS } from "../time.js";

/**
 * When a step falls due: `dayOffset` calendar days after the anchor in the lead's zone, at the
 * same wall-clock time (so day 2 of an enrolment at 10:00 is 10:00 two days later, DST or not).
 */
export function stepDueAt(anchorAt: number, dayOffset: number, zone: string): number {
  return firstInstantAtWallClock(wallClockOf(anchorAt, zone) + dayOffset * DAY_MS, zone);
}

/**
 * The anchor moved on by how late a step runs (now past its due time), so the steps after it keep
 * their spacing from when it really ran: a step run late after a pause or a backlog does not pull
 * the next ones into a burst. Not late: the anchor as it was.
 */
export function anchorAfterLateStep(anchorAt: number, dayOffset: number, zone: string, now: number): number {
  return anchorAt + Math.max(0, now - stepDueAt(anchorAt, dayOffset, zone));
}

/** When a step goes out: the first instant inside its window at or after both its due time and now. */
export function planStepSend(anchorAt: number, step: Pick<SequenceStep, "dayOffset" | "window">, zone: string, now: number): { sendAt: number; windowClosesAt: number } {
  const due = stepDueAt(anchorAt, step.dayOffset, zone);
  const { opensAt, closesAt } = nextWindowOpening(Math.max(due, now), step.window, zone);
  return { sendAt: opensAt, windowClosesAt: closesAt };
}

/** Where an enrolment stands: the cycle (nurture sequences repeat), the next step, and day 0 of the cycle. */
export type SequencePosition = { cycle: number; stepIndex: number; anchorAt: number };

/**
 * The position after a step is done: the next step of the cycle; after the last step, a
 * repeating nurture sequence starts a new cycle `repeatEveryDays` after its last step's day;
 * otherwise the sequence ends.
 */
export function positionAfter(
  sequence: Pick<Sequence, "steps" | "purpose" | "repeatEveryDays">,
  position: SequencePosition,
  zone: string,
): ({ kind: "step" } & SequencePosition) | { kind: "end" } {
  if (position.stepIndex + 1 < sequence.steps.length) return { kind: "step", ...position, stepIndex: position.stepIndex + 1 };
  const lastStep = sequence.steps[sequence.steps.length - 1];
  if (sequence.purpose !== "nurture" || sequence.repeatEveryDays === null || lastStep === undefined) return { kind: "end" };
  const anchorAt = stepDueAt(position.anchorAt, lastStep.dayOffset + sequence.repeatEveryDays, zone);
  return { kind: "step", cycle: position.cycle + 1, stepIndex: 0, anchorAt };
}
