import type { Actor } from "../../domain/lead/lead-event.js";
import type { Lead } from "../../domain/lead/lead.js";
import type { Enrolment, EnrolmentVia } from "../../domain/sequences/enrolment.js";
import type { Sequence } from "../../domain/sequences/sequence.js";
import { planStepSend } from "../../domain/sequences/step-schedule.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { insertEnrolment, lockLiveEnrolmentOfLead } from "../../store/sequence-enrolments.js";
import { isUniqueViolation } from "../../store/unique-violation.js";
import type { ServiceContext } from "../context.js";
import { enrolmentBlockerOf, liveEnrolmentConflict } from "./enrolment-blocker.js";
import { zoneOfLead } from "./lead-zone.js";
import { scheduleStepTimer } from "./sequence-timers.js";

export type EnrolmentRequest = { lead: Lead; sequence: Sequence; via: EnrolmentVia; actor: Actor; now: number };

/**
 * Starts a lead on a sequence inside the caller's transaction: the enrolment (anchored now,
 * cycle 0, step 0), the timer of its first step and `enrolled`. The one place enrolments are
 * created (by hand, by a routing rule, by the nurture move, by a playbook). Throws the
 * `enrolmentBlockerOf` error, or `conflict` when the lead already has a live enrolment — also
 * when a concurrent enrolment wins the race for the `sequence_enrolments_one_live` index.
 */
export async function enrolInTransaction(trx: Executor, ctx: ServiceContext, request: EnrolmentRequest): Promise<Enrolment> {
  const { lead, sequence, via, actor, now } = request;
  const blocker = await enrolmentBlockerOf(trx, lead, sequence);
  if (blocker) throw blocker;
  if (await lockLiveEnrolmentOfLead(trx, lead.id)) throw liveEnrolmentConflict(lead.id);
  const { sendAt } = planStepSend(now, sequence.steps[0]!, await zoneOfLead(trx, lead), now);
  const enrolment: Enrolment = {
    id: ctx.ids("enrolment"),
    leadId: lead.id,
    sequenceId: sequence.id,
    status: "active",
    cycle: 0,
    nextStepIndex: 0,
    anchorAt: now,
    nextSendAt: sendAt,
    pausedUntil: null,
    pauseReason: null,
    stopReason: null,
    threadMessageId: null,
    lastMessageId: null,
    enrolledVia: via,
    enrolledBy: actor,
    enrolledAt: now,
    endedAt: null,
    updatedAt: now,
  };
  try {
    await insertEnrolment(trx, enrolment);
  } catch (error) {
    if (isUniqueViolation(error)) throw liveEnrolmentConflict(lead.id);
    throw error;
  }
  await scheduleStepTimer(trx, enrolment, now);
  const data = { enrolmentId: enrolment.id, sequenceId: sequence.id, sequenceName: sequence.name, via };
  await appendEvents(trx, [{ leadId: lead.id, type: "enrolled", actor, at: now, data }]);
  return enrolment;
}
