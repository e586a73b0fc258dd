import type { Enrolment } from "../../domain/sequences/enrolment.js";
import { anchorAfterLateStep, planStepSend, positionAfter, stepDueAt } from "../../domain/sequences/step-schedule.js";
import { updateEnrolment } from "../../store/sequence-enrolments.js";
import { scheduleStepTimer } from "../sequences/sequence-timers.js";
import type { StepRun } from "./step-run.js";

/**
 * How long an enrolment stays open after its last step fell due before it finishes (and moves
 * into its nurture sequence): the last email is often still queued or just sent, and a reply,
 * a booked meeting or a won or lost deal in that time must stop it rather than find it finished
 * — nor should nurture start seconds after the last follow-up.
 */
export const FINISH_GRACE_MS = 3 * 24 * 3_600_000;

/**
 * After a step is done: the enrolment moves to its next step (a repeating nurture sequence to
 * its next cycle) and that step's timer is set at its planned send time. A step run late (a
 * backlog) moves the anchor by as long, as a resume does, so the next steps keep their spacing
 * instead of following back to back. After the last step the enrolment waits past the end
 * (`nextStepIndex` = the step count) for `FINISH_GRACE_MS`; that timer finds no step and finishes it.
 */
export async function advanceEnrolment(run: StepRun): Promise<void> {
  const { trx, enrolment, sequence, step, zone, now } = run;
  const anchorAt = anchorAfterLateStep(enrolment.anchorAt, step.dayOffset, zone, now);
  const next = positionAfter(sequence, { cycle: enrolment.cycle, stepIndex: enrolment.nextStepIndex, anchorAt }, zone);
  const advanced: Enrolment =
    next.kind === "end"
      ? { ...enrolment, nextStepIndex: sequence.steps.length, anchorAt, nextSendAt: stepDueAt(anchorAt, step.dayOffset, zone) + FINISH_GRACE_MS, updatedAt: now }
      : { ...enrolment, cycle: next.cycle, nextStepIndex: next.stepIndex, anchorAt: next.anchorAt, nextSendAt: planStepSend(next.anchorAt, sequence.steps[next.stepIndex]!, zone, now).sendAt, updatedAt: now };
  await updateEnrolment(trx, advanced);
  await scheduleStepTimer(trx, advanced, now);
}
