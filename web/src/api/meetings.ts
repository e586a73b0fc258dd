import type { Static } from "typebox";
import type { BookMeetingBody, MeetingDto, ReadinessBody } from "../../../src/http/routes/meetings/meetings.schemas.js";
import { apiRequest } from "./client.js";
import { leadPath } from "./leads.js";

export type MeetingStatus = "booked" | "held" | "no_show" | "canceled";

/** A meeting booked with the lead, by hand or through Cal.com or Calendly, typed from the route's schema with its status narrowed. */
export type Meeting = Omit<Static<typeof MeetingDto>, "status"> & { status: MeetingStatus };
export type Readiness = NonNullable<Meeting["readiness"]>;
export type ReadinessAnswers = Static<typeof ReadinessBody>;

/** The lead's meetings, oldest first. */
export async function listMeetings(leadId: string, signal?: AbortSignal): Promise<Meeting[]> {
  const page = await apiRequest<{ items: Meeting[] }>(`${leadPath(leadId)}/meetings`, { signal });
  return page.items;
}

/** Books a meeting by hand. */
export async function bookMeeting(leadId: string, input: Static<typeof BookMeetingBody>): Promise<Meeting> {
  return apiRequest<Meeting>(`${leadPath(leadId)}/meetings`, { method: "POST", body: input });
}

/** Records whether a meeting was held, missed by the lead, or canceled. */
export async function recordMeetingOutcome(meetingId: string, input: { status: Exclude<MeetingStatus, "booked">; notes?: string }): Promise<Meeting> {
  return apiRequest<Meeting>(`/api/v1/meetings/${encodeURIComponent(meetingId)}/outcome`, { method: "POST", body: input });
}

/** Answers the readiness check after a held meeting: what the buyer arrived understanding. */
export async function checkReadiness(meetingId: string, answers: ReadinessAnswers): Promise<Meeting> {
  return apiRequest<Meeting>(`/api/v1/meetings/${encodeURIComponent(meetingId)}/readiness`, { method: "POST", body: answers });
}
