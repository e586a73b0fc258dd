import { Type } from "typebox";
import { ESCALATION_ACTIONS } from "../../domain/sla/sla-policy.js";
import { SLA_STEP_TASK } from "../../services/routing/assign-new-leads.js";
import { runSlaStep } from "../../services/sla/run-sla-step.js";
import type { TimerTask } from "../timer-task.js";

const SlaStepPayload = Type.Object(
  {
    leadId: Type.String({ minLength: 1 }),
    step: Type.Union([
      Type.Object({ kind: Type.Literal("warn") }),
      Type.Object({ kind: Type.Literal("breach") }),
      Type.Object({ kind: Type.Literal("escalate"), index: Type.Integer({ minimum: 0 }), action: Type.Union(ESCALATION_ACTIONS.map((a) => Type.Literal(a))) }),
    ]),
  },
  { additionalProperties: false },
);

/** One step of a lead's speed-to-lead chain: warn, breach, then each escalation (see `runSlaStep`). */
export const slaStepTask: TimerTask<typeof SlaStepPayload> = {
  name: SLA_STEP_TASK,
  payloadSchema: SlaStepPayload,
  // Steps are database work only; a failure is a bug or a lost connection: retry quickly, then leave it visible.
  retry: { maxAttempts: 10, backoffBaseMs: 1000, backoffMaxMs: 300_000 },
  run: ({ trx, ctx, payload, now }) => runSlaStep(trx, ctx, payload, now),
};
