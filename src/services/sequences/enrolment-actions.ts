import { actorOf, type Principal } from "../../domain/access/permission.js";
import { DomainError } from "../../domain/errors.js";
import type { Enrolment } from "../../domain/sequences/enrolment.js";
import type { Executor } from "../../store/engine.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";
import { pauseLiveEnrolmentInTransaction } from "./pause-live-enrolment.js";
import { resumeEnrolmentInTransaction } from "./resume-enrolment.js";
import { stopLiveEnrolmentInTransaction } from "./stop-live-enrolment.js";

type Change = (trx: Executor, actor: string, now: number) => Promise<Enrolment | undefined>;

/** Runs one change to the live enrolment of a lead the principal may work; `conflict` with `refusal` when it does not apply. */
async function changeEnrolment(ctx: ServiceContext, principal: Principal, leadId: string, refusal: string, change: Change): Promise<Enrolment> {
  return ctx.db.transaction().execute(async (trx) => {
    await findWorkableLead(trx, principal, leadId, { isLocking: false });
    const changed = await change(trx, actorOf(principal), ctx.clock.now());
    if (!changed) throw new DomainError("conflict", { message: refusal });
    return changed;
  });
}

/** Pauses a lead's active sequence by hand, until someone resumes it. */
export async function pauseEnrolment(ctx: ServiceContext, principal: Principal, leadId: string): Promise<Enrolment> {
  return changeEnrolment(ctx, principal, leadId, "The lead has no active sequence to pause.", (trx, actor, now) =>
    pauseLiveEnrolmentInTransaction(trx, ctx, { leadId, reason: "manual", until: null, actor, now }),
  );
}

/** Resumes a lead's paused sequence (whatever paused it) at the step it stopped at. */
export async function resumeEnrolment(ctx: ServiceContext, principal: Principal, leadId: string): Promise<Enrolment> {
  return changeEnrolment(ctx, principal, leadId, "The lead has no paused sequence to resume.", (trx, actor, now) => resumeEnrolmentInTransaction(trx, ctx, { leadId, actor, now }));
}

/** Stops a lead's live sequence by hand, for good. */
export async function stopEnrolment(ctx: ServiceContext, principal: Principal, leadId: string): Promise<Enrolment> {
  return changeEnrolment(ctx, principal, leadId, "The lead is not in a sequence.", (trx, actor, now) =>
    stopLiveEnrolmentInTransaction(trx, ctx, { leadId, reason: "manual", actor, now }),
  );
}
