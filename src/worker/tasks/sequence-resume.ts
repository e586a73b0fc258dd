import { Type } from "typebox";
import { resumePausedEnrolment } from "../../services/sequence-sending/resume-paused-enrolment.js";
import { SEQUENCE_RESUME_TASK } from "../../services/sequences/sequence-timers.js";
import type { TimerTask } from "../timer-task.js";

const SequenceResumePayload = Type.Object({ enrolmentId: Type.String({ minLength: 1 }) }, { additionalProperties: false });

/** An enrolment paused until a date (an out-of-office return) resumes then (see `resumePausedEnrolment`). */
export const sequenceResumeTask: TimerTask<typeof SequenceResumePayload> = {
  name: SEQUENCE_RESUME_TASK,
  payloadSchema: SequenceResumePayload,
  retry: { maxAttempts: 10, backoffBaseMs: 1000, backoffMaxMs: 300_000 },
  run: ({ trx, ctx, payload, now }) => resumePausedEnrolment(trx, ctx, payload.enrolmentId, now),
};
