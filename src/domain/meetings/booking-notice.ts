import { invalidField } from "../errors.js";
import { MEETING_TITLE_MAX_LENGTH, type MeetingProvider } from "./meeting.js";

/** A booking tool that notifies us by webhook. */
export type BookingProvider = Exclude<MeetingProvider, "manual">;

export type BookingNoticeKind = "booked" | "rescheduled" | "canceled" | "no_show" | "held";

/** What a booking tool's webhook says happened, in one shape for every provider. */
export type BookingNotice = {
  provider: BookingProvider;
  /** The provider's id of the booking (Cal.com uid, Calendly invitee URI); the idempotency key. */
  externalId: string;
  /** For a reschedule: the booking it replaces (Cal.com `rescheduleUid`, Calendly `old_invitee`). */
  previousExternalId: string | null;
  kind: BookingNoticeKind;
  /** Lower-cased, like lead match keys: the booker, or the attendee marked a no-show. */
  attendeeEmail: string;
  /** Null only where the provider leaves it out (Cal.com's no-show update). */
  startsAt: number | null;
  endsAt: number | null;
  title: string | null;
};

/** A parsed delivery: a notice to apply, or a well-formed delivery that changes no meeting, and why. */
export type BookingDelivery = { notice: BookingNotice } | { ignoredBecause: string };

/** The raw body as JSON; `invalid` naming `body` when it is not. */
export function parseJsonBody(rawBody: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(rawBody).toString("utf8"));
  } catch {
    throw invalidField("body", "must be JSON");
  }
}

/** A provider's title cut to what we keep: it labels the meeting, so a long one is shortened, not refused. */
export function meetingTitle(title: string | null): string | null {
  return title === null ? null : title.slice(0, MEETING_TITLE_MAX_LENGTH);
}
