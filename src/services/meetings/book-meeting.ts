import { actorOf, type Principal } from "../../domain/access/permission.js";
import { checkMeetingTimes, type Meeting } from "../../domain/meetings/meeting.js";
import type { ServiceContext } from "../context.js";
import { findWorkableLead } from "../leads/find-workable-lead.js";
import { addBookedMeeting, type MeetingView } from "./meeting-changes.js";

/** A meeting a person books by hand: when, and optionally until when and what it is about. */
export type MeetingBooking = { startsAt: number; endsAt?: number | null | undefined; title?: string | null | undefined };

/** Books a meeting with a lead (provider `manual`) and appends `meeting_booked`. */
export async function bookMeeting(ctx: ServiceContext, principal: Principal, leadId: string, booking: MeetingBooking): Promise<MeetingView> {
  const times = { startsAt: booking.startsAt, endsAt: booking.endsAt ?? null };
  checkMeetingTimes(times);
  return ctx.db.transaction().execute(async (trx) => {
    const lead = await findWorkableLead(trx, principal, leadId, { isLocking: false });
    const now = ctx.clock.now();
    const meeting: Meeting = {
      id: ctx.ids("mtg"),
      leadId: lead.id,
      provider: "manual",
      externalId: null,
      title: booking.title?.trim() || null,
      ...times,
      status: "booked",
      readiness: null,
      createdAt: now,
      updatedAt: now,
    };
    return addBookedMeeting(trx, ctx, meeting, actorOf(principal));
  });
}
