import type { Actor } from "../../domain/lead/lead-event.js";
import type { Enrolment } from "../../domain/sequences/enrolment.js";
import { anchorAfterLateStep, planStepSend } from "../../domain/sequences/step-schedule.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { findLeadById } from "../../store/leads.js";
import { lockLiveEnrolmentOfLead, updateEnrolment } from "../../store/sequence-enrolments.js";
import { findSequence } from "../../store/sequences.js";
import type { ServiceContext } from "../context.js";
import { finishEnrolmentInTransaction } from "./finish-enrolment.js";
import { zoneOfLead } from "./lead-zone.js";
import { cancelEnrolmentTimers, scheduleStepTimer } from "./sequence-timers.js";

export type ResumeRequest = { leadId: string; actor: Actor; now: number };

/**
 * Resumes the lead's paused enrolment inside the caller's transaction at the step it stopped
 * at; `sequence_resumed`. A step that fell due during the pause is due now, and the anchor
 * moves by as long, so the steps after it keep their spacing instead of going out in a burst
 * (a two-week out-of-office does not send days 2, 5 and 10 on the same morning). Returns the
 * resumed enrolment; undefined when the lead has no paused enrolment. Paused past a last step
 * edited away, it finishes instead (and returns the nurture enrolment, else the finished one).
 */
export async function resumeEnrolmentInTransaction(trx: Executor, ctx: ServiceContext, request: ResumeRequest): Promise<Enrolment | undefined> {
  const { leadId, actor, now } = request;
  const live = await lockLiveEnrolmentOfLead(trx, leadId);
  if (live?.status !== "paused") return undefined;
  const sequence = (await findSequence(trx, live.sequenceId))!;
  const lead = (await findLeadById(trx, leadId))!;
  const step = sequence.steps[live.nextStepIndex];
  // The sequence lost its later steps while the lead was paused: nothing is left to send.
  if (!step) {
    const { finished, nurture } = await finishEnrolmentInTransaction(trx, ctx, { enrolment: live, sequence, lead, now });
    return nurture ?? finished;
  }
  const zone = await zoneOfLead(trx, lead);
  const anchorAt = anchorAfterLateStep(live.anchorAt, step.dayOffset, zone, now);
  const { sendAt } = planStepSend(anchorAt, step, zone, now);
  const resumed: Enrolment = { ...live, status: "active", anchorAt, nextSendAt: sendAt, pausedUntil: null, pauseReason: null, updatedAt: now };
  await updateEnrolment(trx, resumed);
  await cancelEnrolmentTimers(trx, live.id);
  await scheduleStepTimer(trx, resumed, now);
  await appendEvents(trx, [{ leadId, type: "sequence_resumed", actor, at: now, data: { enrolmentId: live.id, nextSendAt: sendAt } }]);
  return resumed;
}
