import type { Lead } from "../../domain/lead/lead.js";
import type { Enrolment } from "../../domain/sequences/enrolment.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { updateEnrolment } from "../../store/sequence-enrolments.js";
import { findSequence } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";
import { enrolInTransaction } from "./enrol-in-transaction.js";
import { enrolmentBlockerOf } from "./enrolment-blocker.js";
import { cancelEnrolmentTimers } from "./sequence-timers.js";

export type FinishRequest = { enrolment: Enrolment; sequence: Sequence; lead: Lead; now: number };

/**
 * Ends an enrolment whose last step ran without a reply, inside the caller's (the step's)
 * transaction: status finished, `sequence_finished`, then the lead moves into the sequence's
 * nurture sequence (`enrolled` via "nurture") when it names one the lead may start. Returns the
 * finished enrolment and the nurture one, if any.
 */
export async function finishEnrolmentInTransaction(trx: Executor, ctx: ServiceContext, request: FinishRequest): Promise<{ finished: Enrolment; nurture: Enrolment | undefined }> {
  const { enrolment, sequence, lead, now } = request;
  const finished: Enrolment = { ...enrolment, status: "finished", endedAt: now, nextSendAt: null, pausedUntil: null, pauseReason: null, updatedAt: now };
  await updateEnrolment(trx, finished);
  await cancelEnrolmentTimers(trx, enrolment.id);
  const nurture = sequence.nurtureSequenceId ? await findSequence(trx, sequence.nurtureSequenceId) : undefined;
  const canMove = nurture !== undefined && (await enrolmentBlockerOf(trx, lead, nurture)) === null;
  const data = { enrolmentId: enrolment.id, sequenceId: sequence.id, nurtureSequenceId: canMove ? nurture.id : null };
  await appendEvents(trx, [{ leadId: lead.id, type: "sequence_finished", actor: "system", at: now, data }]);
  return { finished, nurture: canMove ? await enrolInTransaction(trx, ctx, { lead, sequence: nurture, via: "nurture", actor: "system", now }) : undefined };
}
