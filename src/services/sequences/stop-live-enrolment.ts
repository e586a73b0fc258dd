import type { Actor } from "../../domain/lead/lead-event.js";
import type { Enrolment, StopReason } from "../../domain/sequences/enrolment.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { lockLiveEnrolmentOfLead, updateEnrolment } from "../../store/sequence-enrolments.js";
import { suppressQueuedMessagesOfLead } from "../../store/sequence-messages.js";
import type { ServiceContext } from "../context.js";
import { aboutMessage } from "../sequence-sending/settle-sequence-send.js";
import { cancelEnrolmentTimers } from "./sequence-timers.js";

export type StopRequest = { leadId: string; reason: StopReason; actor: Actor; now: number };

/**
 * Stops the lead's live (active or paused) enrolment for good inside the caller's transaction:
 * status stopped with the reason, its timers cancelled, `sequence_stopped`. Returns the stopped
 * enrolment; a lead without a live enrolment is left alone (undefined), so every caller — a
 * reply, a meeting, a won or lost move, an opt-out — can call it unconditionally. Either way
 * the lead's sequence emails still queued are settled suppressed (`message_suppressed`): one
 * queued by an enrolment that finished since (or was replaced by hand) must not go out either.
 */
export async function stopLiveEnrolmentInTransaction(trx: Executor, _ctx: ServiceContext, request: StopRequest): Promise<Enrolment | undefined> {
  const { leadId, reason, actor, now } = request;
  const live = await lockLiveEnrolmentOfLead(trx, leadId);
  const why = `the sequence stopped (${reason})`;
  const suppressed = await suppressQueuedMessagesOfLead(trx, leadId, why);
  const unsent = suppressed.map((message) => ({ leadId, type: "message_suppressed" as const, actor, at: now, data: { ...aboutMessage(message), reason: why } }));
  if (!live) {
    await appendEvents(trx, unsent);
    return undefined;
  }
  const stopped: Enrolment = { ...live, status: "stopped", stopReason: reason, endedAt: now, nextSendAt: null, pausedUntil: null, updatedAt: now };
  await updateEnrolment(trx, stopped);
  await cancelEnrolmentTimers(trx, live.id);
  await appendEvents(trx, [...unsent, { leadId, type: "sequence_stopped", actor, at: now, data: { enrolmentId: live.id, sequenceId: live.sequenceId, reason } }]);
  return stopped;
}
