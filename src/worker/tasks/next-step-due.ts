import { Type } from "typebox";
import { NEXT_STEP_DUE_TASK } from "../../services/next-steps/next-step-writes.js";
import { runNextStepTimer } from "../../services/next-steps/run-next-step-timer.js";
import type { TimerTask } from "../timer-task.js";

const NextStepTimerPayload = Type.Object(
  {
    leadId: Type.String({ minLength: 1 }),
    kind: Type.Union([Type.Literal("due"), Type.Literal("overdue")]),
    dueAt: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** A next step's reminder at its due time, then its overdue check (see `runNextStepTimer`). */
export const nextStepDueTask: TimerTask<typeof NextStepTimerPayload> = {
  name: NEXT_STEP_DUE_TASK,
  payloadSchema: NextStepTimerPayload,
  // Database work only, like the SLA steps: retry quickly, then leave it visible as dead work.
  retry: { maxAttempts: 10, backoffBaseMs: 1000, backoffMaxMs: 300_000 },
  run: ({ trx, ctx, payload, now }) => runNextStepTimer(trx, ctx, payload, now),
};
