import type { Enrolment } from "../../domain/sequences/enrolment.js";
import { planStepSend, positionAfter } from "../../domain/sequences/step-schedule.js";
import { updateEnrolment } from "../../store/sequence-enrolments.js";
import { finishEnrolmentInTransaction } from "../sequences/finish-enrolment.js";
import { scheduleStepTimer } from "../sequences/sequence-timers.js";
import type { StepRun } from "./step-run.js";

/**
 * After a step is done: the enrolment moves to its next step (a repeating nurture sequence to
 * its next cycle) and that step's timer is set at its planned send time; after the last step the
 * enrolment finishes.
 */
export async function advanceEnrolment(run: StepRun): Promise<void> {
  const { trx, ctx, enrolment, sequence, lead, zone, now } = run;
  const next = positionAfter(sequence, { cycle: enrolment.cycle, stepIndex: enrolment.nextStepIndex, anchorAt: enrolment.anchorAt }, zone);
  if (next.kind === "end") {
    await finishEnrolmentInTransaction(trx, ctx, { enrolment, sequence, lead, now });
    return;
  }
  const { sendAt } = planStepSend(next.anchorAt, sequence.steps[next.stepIndex]!, zone, now);
  const advanced: Enrolment = { ...enrolment, cycle: next.cycle, nextStepIndex: next.stepIndex, anchorAt: next.anchorAt, nextSendAt: sendAt, updatedAt: now };
  await updateEnrolment(trx, advanced);
  await scheduleStepTimer(trx, advanced, now);
}
