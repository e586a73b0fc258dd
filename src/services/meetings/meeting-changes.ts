import type { Actor, LeadEventType, NewLeadEvent } from "../../domain/lead/lead-event.js";
import { firstMeetingId, withFirstFlags } from "../../domain/meetings/first-meeting.js";
import { type Meeting, meetingDurationSeconds, type MeetingOutcome, type MeetingTimes, rescheduleMeeting, settleMeeting } from "../../domain/meetings/meeting.js";
import type { Touch } from "../../domain/touches/touch.js";
import type { Executor } from "../../store/engine.js";
import { appendEvents } from "../../store/events.js";
import { findLeadById } from "../../store/leads.js";
import { insertMeeting, listLeadMeetings, updateMeeting } from "../../store/meetings.js";
import type { ServiceContext } from "../context.js";
import { stopLiveEnrolmentInTransaction } from "../sequences/stop-live-enrolment.js";
import { updateReplyWaiting } from "../touches/log-touch.js";

/**
 * The meeting writes shared by people (API) and booking tools (webhooks): each changes the row
 * and appends its event in the caller's transaction. Event data carries `isFirst`, whether the
 * meeting is (for held, once held) or was (for a no-show or cancellation) the lead's first.
 */

/** A meeting with whether it is its lead's first (`firstMeetingId`), as the API shows it. */
export type MeetingView = { meeting: Meeting; isFirst: boolean };

const EVENT_BY_OUTCOME: Record<MeetingOutcome, LeadEventType> = { held: "meeting_held", no_show: "no_show", canceled: "meeting_canceled" };

async function isFirstOf(trx: Executor, meeting: Meeting): Promise<boolean> {
  return firstMeetingId(await listLeadMeetings(trx, meeting.leadId)) === meeting.id;
}

/** The meeting as it now stands among its lead's meetings. */
export async function viewOfMeeting(trx: Executor, meeting: Meeting): Promise<MeetingView> {
  return { meeting, isFirst: await isFirstOf(trx, meeting) };
}

/** All of a lead's meetings, oldest first, with the first one flagged. */
export async function viewsOfLeadMeetings(trx: Executor, leadId: string): Promise<MeetingView[]> {
  return withFirstFlags(await listLeadMeetings(trx, leadId));
}

/** Stores a newly booked meeting and appends `meeting_booked`; the lead's follow-up sequence stops (meeting_booked). */
export async function addBookedMeeting(trx: Executor, ctx: ServiceContext, meeting: Meeting, actor: Actor): Promise<MeetingView> {
  await insertMeeting(trx, meeting);
  const isFirst = await isFirstOf(trx, meeting);
  const data = { meetingId: meeting.id, provider: meeting.provider, startsAt: meeting.startsAt, endsAt: meeting.endsAt, title: meeting.title, isFirst };
  await appendEvents(trx, [{ leadId: meeting.leadId, type: "meeting_booked", actor, at: meeting.createdAt, data }]);
  await stopLiveEnrolmentInTransaction(trx, ctx, { leadId: meeting.leadId, reason: "meeting_booked", actor, now: meeting.createdAt });
  return { meeting, isFirst };
}

/** Moves a booked meeting (and, for a booking tool, to its new booking id) and appends `meeting_rescheduled`. */
export async function moveMeeting(trx: Executor, meeting: Meeting, times: MeetingTimes, externalId: string | null, actor: Actor, now: number): Promise<MeetingView> {
  const moved = rescheduleMeeting(meeting, times, externalId, now);
  await updateMeeting(trx, moved);
  const isFirst = await isFirstOf(trx, moved);
  const data = { meetingId: moved.id, provider: moved.provider, fromStartsAt: meeting.startsAt, startsAt: moved.startsAt, endsAt: moved.endsAt, isFirst };
  await appendEvents(trx, [{ leadId: moved.leadId, type: "meeting_rescheduled", actor, at: now, data }]);
  return { meeting: moved, isFirst };
}

/**
 * Records how a booked meeting ended: `meeting_held` (plus a `touch`: the rep met the lead,
 * for as long as the meeting lasted, which like any person's touch out ends a wait for a
 * reply), `no_show` or `meeting_canceled`.
 */
export async function recordOutcome(trx: Executor, meeting: Meeting, outcome: MeetingOutcome, notes: string | null, actor: Actor, now: number): Promise<MeetingView> {
  const wasFirst = await isFirstOf(trx, meeting);
  const settled = settleMeeting(meeting, outcome, now);
  await updateMeeting(trx, settled);
  const isFirst = outcome === "held" ? await isFirstOf(trx, settled) : wasFirst;
  const data = { meetingId: settled.id, provider: settled.provider, startsAt: settled.startsAt, isFirst, notes };
  const events: NewLeadEvent[] = [{ leadId: settled.leadId, type: EVENT_BY_OUTCOME[outcome], actor, at: now, data }];
  if (outcome === "held") {
    const touch: Touch = { channel: "meeting", direction: "out", outcome: null, durationSeconds: meetingDurationSeconds(settled), notes, isAutomated: false };
    events.push({ leadId: settled.leadId, type: "touch", actor, at: now, data: { ...touch } });
    const lead = await findLeadById(trx, settled.leadId);
    if (lead) await updateReplyWaiting(trx, lead, touch, now);
  }
  await appendEvents(trx, events);
  return { meeting: settled, isFirst: outcome === "held" ? isFirst : false };
}
