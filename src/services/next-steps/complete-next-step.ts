import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { NextStep } from "../../domain/pipeline/lead-pipeline.js";
import type { NextStepInput } from "../../domain/pipeline/next-step.js";
import { appendEvents } from "../../store/events.js";
import { saveLeadPipeline } from "../../store/lead-pipeline.js";
import type { ServiceContext } from "../context.js";
import { findOpenLeadPipeline } from "./find-open-lead-pipeline.js";
import { clearNextStepInTransaction, setNextStepInTransaction } from "./next-step-writes.js";

export type NextStepDone = {
  /** What came of it, in the rep's words. */
  outcome?: string | null | undefined;
  /** The step that follows, set in the same transaction. */
  next?: NextStepInput | undefined;
};

/**
 * Marks an open lead's next step done (`next_step_done`, its timer cancelled) and, with
 * `next`, sets the one that follows. `conflict` when the lead has no next step. Returns the
 * lead's next step afterwards, or null.
 */
export async function completeNextStep(ctx: ServiceContext, principal: Principal, leadId: string, done: NextStepDone): Promise<NextStep | null> {
  return ctx.db.transaction().execute(async (trx) => {
    const { lead, state } = await findOpenLeadPipeline(trx, principal, leadId);
    const finished = state.nextStep;
    if (!finished) throw new DomainError("conflict", { message: "The lead has no next step to complete." });
    const now = ctx.clock.now();
    const data = { action: finished.action, dueAt: finished.dueAt, ownerId: finished.ownerId, status: finished.status, outcome: done.outcome?.trim() || null };
    await appendEvents(trx, [{ leadId: lead.id, type: "next_step_done", actor: actorOf(principal), at: now, data }]);
    const cleared = await clearNextStepInTransaction(trx, lead.id, state);
    if (!done.next) {
      await saveLeadPipeline(trx, cleared, now);
      return null;
    }
    const following = await setNextStepInTransaction(trx, ctx, { principal, lead, state: cleared, input: done.next, now, field: "next" });
    return following.nextStep;
  });
}
