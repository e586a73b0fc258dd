import type { Static } from "typebox";
import type { MeetingView } from "../../../services/meetings/meeting-changes.js";
import type { MeetingDto } from "./meetings.schemas.js";

/** A meeting as the API shows it. */
export function presentMeeting({ meeting, isFirst }: MeetingView): Static<typeof MeetingDto> {
  const { id, leadId, provider, title, startsAt, endsAt, status, readiness } = meeting;
  return { id, leadId, provider, title, startsAt, endsAt, status, isFirst, readiness };
}
