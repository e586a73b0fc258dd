import type { Meeting } from "./meeting.js";

const byStart = (a: Meeting, b: Meeting) => a.startsAt - b.startsAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Which of a lead's meetings is its first: the earliest held one, or, while none was held,
 * the earliest booked one. Canceled meetings and no-shows never count: the buyer has not met
 * us yet, so the readiness check after a first meeting still waits for a real one.
 */
export function firstMeetingId(meetings: readonly Meeting[]): string | null {
  const held = meetings.filter((m) => m.status === "held").sort(byStart);
  if (held[0]) return held[0].id;
  const booked = meetings.filter((m) => m.status === "booked").sort(byStart);
  return booked[0]?.id ?? null;
}

/** A lead's meetings, oldest first, each with whether it is the lead's first (see `firstMeetingId`). */
export function withFirstFlags(meetings: readonly Meeting[]): { meeting: Meeting; isFirst: boolean }[] {
  const firstId = firstMeetingId(meetings);
  return [...meetings].sort(byStart).map((meeting) => ({ meeting, isFirst: meeting.id === firstId }));
}
