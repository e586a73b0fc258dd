import type { Meeting, MeetingStatus, Readiness } from "../../api/meetings.js";

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { booked: "Booked", held: "Held", no_show: "No-show", canceled: "Canceled" };

const PROVIDER_LABELS: Partial<Record<string, string>> = { calcom: "Cal.com", calendly: "Calendly" };

/** "Cal.com", "Calendly"; meetings booked by hand name no provider. */
export function providerLabel(provider: string): string | null {
  return PROVIDER_LABELS[provider] ?? null;
}

/** The three readiness questions, as the owner is asked them after the first meeting. */
export const READINESS_QUESTIONS = [
  { key: "understandsProblem", question: "Did they arrive understanding the problem?", gap: "the problem" },
  { key: "understandsApproach", question: "Did they understand our approach?", gap: "the approach" },
  { key: "readyToEvaluate", question: "Were they ready to evaluate us?", gap: "being ready to evaluate" },
] as const;

export type ReadinessKey = (typeof READINESS_QUESTIONS)[number]["key"];

/** The first held meeting whose readiness check nobody has answered yet: the one to prompt for. */
export function meetingAwaitingReadiness(meetings: Meeting[]): Meeting | undefined {
  return meetings.find((meeting) => meeting.isFirst && meeting.status === "held" && meeting.readiness === null);
}

/** "Arrived ready: understood the problem, the approach and was ready to evaluate" or the belief debt in words. */
export function readinessSummary(readiness: Pick<Readiness, ReadinessKey>): string {
  const gaps = READINESS_QUESTIONS.filter(({ key }) => !readiness[key]).map(({ gap }) => gap);
  if (gaps.length === 0) return "Arrived ready: no belief debt.";
  return `Belief debt ${gaps.length} of 3: not there on ${gaps.length === 1 ? gaps[0] : `${gaps.slice(0, -1).join(", ")} and ${gaps.at(-1)}`}.`;
}
