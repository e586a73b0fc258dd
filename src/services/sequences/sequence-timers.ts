import type { Enrolment } from "../../domain/sequences/enrolment.js";
import type { Executor } from "../../store/engine.js";
import { cancelTimer, scheduleTimer } from "../../store/timers.js";

/** The worker task that sends (or queues as a task) an enrolment's next step. */
export const SEQUENCE_STEP_TASK = "sequence-step";

/** The worker task that resumes an enrolment paused until a date (an out-of-office return). */
export const SEQUENCE_RESUME_TASK = "sequence-resume";

/** One pending step per live enrolment: rescheduling replaces it. */
export const sequenceStepTimerKey = (enrolmentId: string): string => `sequence-step:${enrolmentId}`;

export const sequenceResumeTimerKey = (enrolmentId: string): string => `sequence-resume:${enrolmentId}`;

/** Schedules the enrolment's next step at `nextSendAt` (payload `{ enrolmentId, cycle, stepIndex }`). */
export async function scheduleStepTimer(trx: Executor, enrolment: Enrolment, now: number): Promise<void> {
  if (enrolment.nextSendAt === null) return;
  const payload = { enrolmentId: enrolment.id, cycle: enrolment.cycle, stepIndex: enrolment.nextStepIndex };
  await scheduleTimer(trx, { key: sequenceStepTimerKey(enrolment.id), task: SEQUENCE_STEP_TASK, payload, runAt: enrolment.nextSendAt }, now);
}

/** Schedules the resumption of an enrolment paused until `pausedUntil`. */
export async function scheduleResumeTimer(trx: Executor, enrolment: Enrolment, now: number): Promise<void> {
  if (enrolment.pausedUntil === null) return;
  await scheduleTimer(trx, { key: sequenceResumeTimerKey(enrolment.id), task: SEQUENCE_RESUME_TASK, payload: { enrolmentId: enrolment.id }, runAt: enrolment.pausedUntil }, now);
}

/** Cancels whatever the enrolment had pending: its next step and its resumption. */
export async function cancelEnrolmentTimers(trx: Executor, enrolmentId: string): Promise<void> {
  await cancelTimer(trx, sequenceStepTimerKey(enrolmentId));
  await cancelTimer(trx, sequenceResumeTimerKey(enrolmentId));
}
