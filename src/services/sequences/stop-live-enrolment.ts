import type { Actor } from "../../domain/lead/lead-event.js";
import type { Enrolment, StopReason } from "../../domain/sequences/enrolment.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { lockLiveEnrolmentOfLead, updateEnrolment } from "../../store/sequence-enrolments.js";
import type { ServiceContext } from "../context.js";
import { cancelEnrolmentTimers } from "./sequence-timers.js";

export type StopRequest = { leadId: string; reason: StopReason; actor: Actor; now: number };

/**
 * Stops the lead's live (active or paused) enrolment for good inside the caller's transaction:
 * status stopped with the reason, its timers cancelled, `sequence_stopped`. Returns the stopped
 * enrolment; a lead without a live enrolment is left alone (undefined), so every caller — a
 * reply, a meeting, a won or lost move, an opt-out — can call it unconditionally.
 */
export async function stopLiveEnrolmentInTransaction(trx: Executor, _ctx: ServiceContext, request: StopRequest): Promise<Enrolment | undefined> {
  const { leadId, reason, actor, now } = request;
  const live = await lockLiveEnrolmentOfLead(trx, leadId);
  if (!live) return undefined;
  const stopped: Enrolment = { ...live, status: "stopped", stopReason: reason, endedAt: now, nextSendAt: null, pausedUntil: null, updatedAt: now };
  await updateEnrolment(trx, stopped);
  await cancelEnrolmentTimers(trx, live.id);
  await appendEvents(trx, [{ leadId, type: "sequence_stopped", actor, at: now, data: { enrolmentId: live.id, sequenceId: live.sequenceId, reason } }]);
  return stopped;
}
