import { type BookingDelivery, type BookingNoticeKind, meetingTitle } from "./booking-notice.js";
import { objectField, optionalFlag, optionalInstant, optionalText, payloadRoot, requiredEmail, requiredInstant, requiredText } from "./payload-fields.js";

/** Calendly webhook events that change a meeting; others are acknowledged and ignored. */
const KIND_BY_EVENT: Readonly<Record<string, BookingNoticeKind>> = {
  "invitee.created": "booked",
  "invitee.canceled": "canceled",
  "invitee_no_show.created": "no_show",
};

/**
 * A Calendly v2 webhook body (`{ event, created_at, payload: <invitee> }`) as a booking notice.
 * The booking id is the invitee's URI. Calendly reschedules as a pair: `invitee.canceled` with
 * `rescheduled: true` for the old invitee and `invitee.created` with `old_invitee` for the new
 * one. The created half carries the new time, so it becomes the reschedule and the canceled
 * half is ignored (either order of arrival then leaves one booked meeting at the new time).
 */
export function parseCalendlyDelivery(body: unknown): BookingDelivery {
  const root = payloadRoot(body);
  const event = requiredText(root, "event");
  const baseKind = KIND_BY_EVENT[event];
  if (baseKind === undefined) return { ignoredBecause: `Calendly event ${event} does not change meetings` };
  const invitee = objectField(root, "payload");
  const isRescheduled = optionalFlag(invitee, "rescheduled");
  if (baseKind === "canceled" && isRescheduled) return { ignoredBecause: "the old half of a reschedule; invitee.created carries the new time" };
  const oldInvitee = baseKind === "booked" ? optionalText(invitee, "old_invitee") : null;
  const scheduledEvent = objectField(invitee, "scheduled_event");
  return {
    notice: {
      provider: "calendly",
      externalId: requiredText(invitee, "uri"),
      previousExternalId: oldInvitee,
      kind: oldInvitee === null ? baseKind : "rescheduled",
      attendeeEmail: requiredEmail(invitee, "email"),
      startsAt: requiredInstant(scheduledEvent, "start_time"),
      endsAt: optionalInstant(scheduledEvent, "end_time"),
      title: meetingTitle(optionalText(scheduledEvent, "name")),
    },
  };
}
