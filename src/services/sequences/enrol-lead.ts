import { actorOf, type Principal } from "../../domain/access/permission.js";
import { invalidField } from "../../domain/errors.js";
import type { Enrolment } from "../../domain/sequences/enrolment.js";
import { findSequence } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";
import { enrolInTransaction } from "./enrol-in-transaction.js";
import { stopLiveEnrolmentInTransaction } from "./stop-live-enrolment.js";

export type EnrolLeadInput = {
  sequenceId: string;
  /** Whether a live enrolment should give way (stopped as re_enrolled); without it, one is a `conflict`. */
  isReplacing: boolean;
};

/**
 * Enrols a lead the principal may work in a sequence by hand (see `enrolInTransaction` for
 * what refuses it). A live enrolment is a `conflict` unless `isReplacing`, which stops it first.
 */
export async function enrolLead(ctx: ServiceContext, principal: Principal, leadId: string, input: EnrolLeadInput): Promise<Enrolment> {
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await findWorkableLead(trx, principal, leadId, { isLocking: false });
    const sequence = await findSequence(trx, input.sequenceId);
    if (!sequence) throw invalidField("sequenceId", `no sequence ${input.sequenceId}`);
    const actor = actorOf(principal);
    const now = ctx.clock.now();
    if (input.isReplacing) await stopLiveEnrolmentInTransaction(trx, ctx, { leadId, reason: "re_enrolled", actor, now });
    return enrolInTransaction(trx, ctx, { lead, sequence, via: "manual", actor, now });
  });
}
