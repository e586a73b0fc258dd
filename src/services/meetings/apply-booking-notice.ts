import { matchKeysOf } from "../../domain/lead/match-key.js";
import { invalidField } from "../../domain/errors.js";
import type { BookingNotice } from "../../domain/meetings/booking-notice.js";
import type { Meeting, MeetingTimes } from "../../domain/meetings/meeting.js";
import type { Executor } from "../../store/engine.js";
import { findLeadIdsByMatchKeys } from "../../store/leads.js";
import { lockMeetingByExternalId } from "../../store/meetings.js";
import type { ServiceContext } from "../context.js";
import { addBookedMeeting, moveMeeting, recordOutcome } from "./meeting-changes.js";

/** What a delivery did: nothing to match it to, or the meeting it concerns and whether it changed. */
export type BookingReceipt = { matched: false; ignoredBecause?: string } | { matched: true; meetingId: string; isChanged: boolean };

const unchanged = (meeting: Meeting): BookingReceipt => ({ matched: true, meetingId: meeting.id, isChanged: false });
const changed = (meeting: Meeting): BookingReceipt => ({ matched: true, meetingId: meeting.id, isChanged: true });

function timesOf(notice: BookingNotice): MeetingTimes {
  if (notice.startsAt === null) throw invalidField("startsAt", "a booking needs a start time");
  return { startsAt: notice.startsAt, endsAt: notice.endsAt };
}

/** The lead the attendee's email matches, by the same match key capture de-duplicates on. */
async function leadIdOfAttendee(trx: Executor, email: string): Promise<string | undefined> {
  const [key] = matchKeysOf(email, null);
  return (await findLeadIdsByMatchKeys(trx, [key!])).get(key!);
}

/**
 * A booking or reschedule. A booking already known by its id is a repeated delivery. A
 * reschedule moves the booked meeting it replaces to the new time and id; with nothing to
 * replace it is a new booking on the lead the attendee's email matches.
 */
async function applyBooking(ctx: ServiceContext, trx: Executor, notice: BookingNotice, known: Meeting | undefined): Promise<BookingReceipt> {
  const now = ctx.clock.now();
  const times = timesOf(notice);
  if (known) {
    const isSameTime = known.startsAt === times.startsAt && known.endsAt === times.endsAt;
    if (notice.kind === "booked" || isSameTime || known.status !== "booked") return unchanged(known);
    return changed((await moveMeeting(trx, known, times, known.externalId, notice.provider, now)).meeting);
  }
  const replaced = notice.previousExternalId === null ? undefined : await lockMeetingByExternalId(trx, notice.provider, notice.previousExternalId);
  if (replaced?.status === "booked") return changed((await moveMeeting(trx, replaced, times, notice.externalId, notice.provider, now)).meeting);
  const leadId = replaced?.leadId ?? (await leadIdOfAttendee(trx, notice.attendeeEmail));
  if (leadId === undefined) return { matched: false };
  const meeting: Meeting = {
    id: ctx.ids("mtg"),
    leadId,
    provider: notice.provider,
    externalId: notice.externalId,
    title: notice.title,
    ...times,
    status: "booked",
    readiness: null,
    createdAt: now,
    updatedAt: now,
  };
  return changed((await addBookedMeeting(trx, ctx, meeting, notice.provider)).meeting);
}

/**
 * Applies a booking tool's notice in one transaction. Idempotent by (provider, booking id): a
 * repeated delivery finds the meeting already as the notice says and changes nothing. An
 * outcome (held, no-show, canceled) applies only to a booked meeting we know; a later notice
 * never overturns an outcome already recorded.
 */
export async function applyBookingNotice(ctx: ServiceContext, notice: BookingNotice): Promise<BookingReceipt> {
  return ctx.db.transaction().execute(async (trx) => {
    const known = await lockMeetingByExternalId(trx, notice.provider, notice.externalId);
    if (notice.kind === "booked" || notice.kind === "rescheduled") return applyBooking(ctx, trx, notice, known);
    if (!known) return { matched: false };
    if (known.status !== "booked") return unchanged(known);
    return changed((await recordOutcome(trx, known, notice.kind, null, notice.provider, ctx.clock.now())).meeting);
  });
}
