import { type BookingDelivery, type BookingNoticeKind, meetingTitle } from "./booking-notice.js";
import {
  firstObject,
  hasObject,
  objectField,
  objectList,
  optionalFlag,
  optionalInstant,
  optionalText,
  type PayloadObject,
  payloadRoot,
  requiredEmail,
  requiredInstant,
  requiredText,
} from "./payload-fields.js";

/** Cal.com triggers that change a meeting; the rest (payments, recordings, forms…) are acknowledged and ignored. */
const KIND_BY_TRIGGER: Readonly<Record<string, BookingNoticeKind>> = {
  BOOKING_CREATED: "booked",
  BOOKING_RESCHEDULED: "rescheduled",
  BOOKING_CANCELLED: "canceled",
  BOOKING_NO_SHOW_UPDATED: "no_show",
  MEETING_ENDED: "held",
};

/**
 * Cal.com's no-show update: `payload.bookingUid` and `payload.attendees[{ email, noShow }]`, no
 * times. An update that only unmarks attendees changes nothing here (a meeting leaves
 * "no-show" only through a person).
 */
function parseNoShow(payload: PayloadObject): BookingDelivery {
  const absent = objectList(payload, "attendees").find((attendee) => optionalFlag(attendee, "noShow"));
  if (!absent) return { ignoredBecause: "no attendee is marked a no-show" };
  return {
    notice: {
      provider: "calcom",
      externalId: optionalText(payload, "bookingUid") ?? requiredText(payload, "uid"),
      previousExternalId: null,
      kind: "no_show",
      attendeeEmail: requiredEmail(absent, "email"),
      startsAt: optionalInstant(payload, "startTime"),
      endsAt: optionalInstant(payload, "endTime"),
      title: meetingTitle(optionalText(payload, "title")),
    },
  };
}

/**
 * A Cal.com webhook body (`{ triggerEvent, createdAt, payload }`) as a booking notice. The
 * booker is the first attendee; a reschedule is a new booking whose `rescheduleUid` names the
 * one it replaces. Cal.com documents MEETING_STARTED/ENDED with the booking at the top level
 * rather than under `payload`, so both places are read.
 */
export function parseCalcomDelivery(body: unknown): BookingDelivery {
  const root = payloadRoot(body);
  const trigger = requiredText(root, "triggerEvent");
  const kind = KIND_BY_TRIGGER[trigger];
  if (kind === undefined) return { ignoredBecause: `Cal.com trigger ${trigger} does not change meetings` };
  const payload = kind === "held" && !hasObject(root, "payload") ? root : objectField(root, "payload");
  if (kind === "no_show") return parseNoShow(payload);
  const booker = firstObject(payload, "attendees");
  return {
    notice: {
      provider: "calcom",
      externalId: requiredText(payload, "uid"),
      previousExternalId: kind === "rescheduled" ? optionalText(payload, "rescheduleUid") : null,
      kind,
      attendeeEmail: requiredEmail(booker, "email"),
      startsAt: requiredInstant(payload, "startTime"),
      endsAt: optionalInstant(payload, "endTime"),
      title: meetingTitle(optionalText(payload, "title")),
    },
  };
}
