import type { Actor } from "../../domain/lead/lead-event.js";
import type { Enrolment, PauseReason } from "../../domain/sequences/enrolment.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { lockLiveEnrolmentOfLead, updateEnrolment } from "../../store/sequence-enrolments.js";
import type { ServiceContext } from "../context.js";
import { cancelEnrolmentTimers, scheduleResumeTimer } from "./sequence-timers.js";

export type PauseRequest = { leadId: string; reason: PauseReason; until: number | null; actor: Actor; now: number };

/**
 * Pauses the lead's active enrolment inside the caller's transaction: its step timer is
 * cancelled and, with `until`, a `sequence-resume` timer brings it back then;
 * `sequence_paused`. Returns the paused enrolment; undefined (nothing changed) when the lead
 * has no active enrolment — none at all, or one already paused, whose first reason stands.
 */
export async function pauseLiveEnrolmentInTransaction(trx: Executor, _ctx: ServiceContext, request: PauseRequest): Promise<Enrolment | undefined> {
  const { leadId, reason, until, actor, now } = request;
  const live = await lockLiveEnrolmentOfLead(trx, leadId);
  if (live?.status !== "active") return undefined;
  const paused: Enrolment = { ...live, status: "paused", pauseReason: reason, pausedUntil: until, nextSendAt: null, updatedAt: now };
  await updateEnrolment(trx, paused);
  await cancelEnrolmentTimers(trx, live.id);
  await scheduleResumeTimer(trx, paused, now);
  await appendEvents(trx, [{ leadId, type: "sequence_paused", actor, at: now, data: { enrolmentId: live.id, reason, until } }]);
  return paused;
}
