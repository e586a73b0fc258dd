import { Type } from "typebox";
import { LEAD_RESCORE_TASK } from "../../domain/scoring/rescoring-triggers.js";
import { rescoreLeadInTransaction } from "../../services/scoring/rescore-leads.js";
import type { TimerTask } from "../timer-task.js";

const LeadRescorePayload = Type.Object({ leadId: Type.String({ minLength: 1 }) }, { additionalProperties: false });

/** An event moved what a lead's score reads: rescore it, and start the playbook of a new intent level. */
export const leadRescoreTask: TimerTask<typeof LeadRescorePayload> = {
  name: LEAD_RESCORE_TASK,
  payloadSchema: LeadRescorePayload,
  retry: { maxAttempts: 10, backoffBaseMs: 1000, backoffMaxMs: 300_000 },
  run: ({ trx, ctx, payload, now }) => rescoreLeadInTransaction(trx, ctx, payload.leadId, now),
};
