import { actorOf, type Principal } from "../../domain/access/permission.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import { appendEvents } from "../../store/events.js";
import { listLiveEnrolmentsOfSequence } from "../../store/sequence-enrolments.js";
import { updateSequence } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";
import { findSequenceOrFail } from "./get-sequence.js";
import { checkManagesSequences } from "./sequence-access.js";
import { stopLiveEnrolmentInTransaction } from "./stop-live-enrolment.js";

/**
 * Archives a sequence: nobody new can be enrolled, every live enrolment in it stops
 * (sequence_archived) and `sequence_archived` records how many. Archiving twice changes nothing.
 */
export async function archiveSequence(ctx: ServiceContext, principal: Principal, id: string): Promise<Sequence> {
  checkManagesSequences(principal);
  return ctx.db.transaction().execute(async (trx) => {
    const sequence = await findSequenceOrFail(trx, id);
    if (sequence.isArchived) return sequence;
    const now = ctx.clock.now();
    const actor = actorOf(principal);
    const archived: Sequence = { ...sequence, isArchived: true, updatedAt: now };
    await updateSequence(trx, archived);
    const live = await listLiveEnrolmentsOfSequence(trx, id);
    for (const enrolment of live) await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: enrolment.leadId, reason: "sequence_archived", actor, now });
    await appendEvents(trx, [{ leadId: null, type: "sequence_archived", actor, at: now, data: { sequenceId: id, name: sequence.name, stoppedEnrolments: live.length } }]);
    return archived;
  });
}
