import type { Principal } from "../../domain/access/permission.js";
import type { NextStep } from "../../domain/pipeline/lead-pipeline.js";
import type { NextStepInput } from "../../domain/pipeline/next-step.js";
import type { ServiceContext } from "../context.js";
import { findOpenLeadPipeline } from "./find-open-lead-pipeline.js";
import { setNextStepInTransaction } from "./next-step-writes.js";

/** Sets or reschedules an open lead's next step (see `setNextStepInTransaction`); one transaction. */
export async function setNextStep(ctx: ServiceContext, principal: Principal, leadId: string, input: NextStepInput): Promise<NextStep> {
  return ctx.db.transaction().execute(async (trx) => {
    const { lead, state } = await findOpenLeadPipeline(trx, principal, leadId);
    const next = await setNextStepInTransaction(trx, ctx, { principal, lead, state, input, now: ctx.clock.now() });
    return next.nextStep!;
  });
}
