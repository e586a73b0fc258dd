import type { Static } from "typebox";
import type { MeetingBooking } from "../../../services/meetings/book-meeting.js";
import type { MeetingView } from "../../../services/meetings/meeting-changes.js";
import { isoOf, isoOrNull, msOf } from "../../instants.js";
import type { BookMeetingBodyType, MeetingDto } from "./meetings.schemas.js";

/** A meeting as the API shows it. */
export function presentMeeting({ meeting, isFirst }: MeetingView): Static<typeof MeetingDto> {
  const { id, leadId, provider, title, startsAt, endsAt, status, readiness } = meeting;
  return {
    id,
    leadId,
    provider,
    title,
    startsAt: isoOf(startsAt),
    endsAt: isoOrNull(endsAt),
    status,
    isFirst,
    readiness: readiness && { ...readiness, answeredAt: isoOf(readiness.answeredAt) },
  };
}

/** A booking as the API takes it (ISO 8601) as the service takes it (epoch ms). */
export function meetingBookingOf({ startsAt, endsAt, title }: BookMeetingBodyType): MeetingBooking {
  return { startsAt: msOf(startsAt, "startsAt"), endsAt: typeof endsAt === "string" ? msOf(endsAt, "endsAt") : endsAt, title };
}
