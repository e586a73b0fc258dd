import { Type } from "typebox";
import { runSequenceStep } from "../../services/sequence-sending/run-sequence-step.js";
import { SEQUENCE_STEP_TASK } from "../../services/sequences/sequence-timers.js";
import type { TimerTask } from "../timer-task.js";

const SequenceStepPayload = Type.Object(
  {
    enrolmentId: Type.String({ minLength: 1 }),
    cycle: Type.Integer({ minimum: 0 }),
    stepIndex: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** An enrolment's due step: queue its email or its owner's task, then move on (see `runSequenceStep`). */
export const sequenceStepTask: TimerTask<typeof SequenceStepPayload> = {
  name: SEQUENCE_STEP_TASK,
  payloadSchema: SequenceStepPayload,
  // Database work only (sending is the outbox's): retry quickly, then leave it visible as dead work.
  retry: { maxAttempts: 10, backoffBaseMs: 1000, backoffMaxMs: 300_000 },
  run: ({ trx, ctx, payload, now }) => runSequenceStep(trx, ctx, payload, now),
};
