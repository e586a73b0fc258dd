import { DomainError, invalidField } from "../errors.js";

/** Where a meeting came from: logged in Closeloop, or a booking tool's webhook. */
export type MeetingProvider = "manual" | "calcom" | "calendly";

/** booked → held, no_show or canceled. Only a booked meeting changes. */
export type MeetingStatus = "booked" | "held" | "no_show" | "canceled";

/** How a booked meeting ended. */
export type MeetingOutcome = Exclude<MeetingStatus, "booked">;

export const MEETING_OUTCOMES: readonly MeetingOutcome[] = ["held", "no_show", "canceled"];

/** Longest meeting title kept; booking tools' titles are "<event type> between <host> and <guest>". */
export const MEETING_TITLE_MAX_LENGTH = 300;

/**
 * The owner's answers after a meeting: did the buyer arrive understanding the problem, our
 * approach, and ready to evaluate us? Each "no" is education sales had to do live.
 */
export type ReadinessAnswers = {
  understandsProblem: boolean;
  understandsApproach: boolean;
  readyToEvaluate: boolean;
};

export type Readiness = ReadinessAnswers & { notes: string | null; answeredBy: string; answeredAt: number };

export type Meeting = {
  id: string;
  leadId: string;
  provider: MeetingProvider;
  /** The provider's booking id (Cal.com uid, Calendly invitee URI); null for manual meetings. */
  externalId: string | null;
  title: string | null;
  startsAt: number;
  endsAt: number | null;
  status: MeetingStatus;
  readiness: Readiness | null;
  createdAt: number;
  updatedAt: number;
};

/** When a meeting takes place; `endsAt` must come after `startsAt` when known. */
export type MeetingTimes = { startsAt: number; endsAt: number | null };

/** Checks meeting times: an end, when given, after the start. */
export function checkMeetingTimes(times: MeetingTimes): void {
  if (times.endsAt !== null && times.endsAt <= times.startsAt) throw invalidField("endsAt", "must be after startsAt");
}

function requireBooked(meeting: Meeting, intent: string): void {
  if (meeting.status !== "booked") {
    throw new DomainError("conflict", { field: "status", message: `status: the meeting is ${meeting.status}; only a booked meeting can be ${intent}` });
  }
}

/** The meeting after its outcome; `conflict` unless it is still booked. */
export function settleMeeting(meeting: Meeting, outcome: MeetingOutcome, now: number): Meeting {
  requireBooked(meeting, outcome === "no_show" ? "marked a no-show" : outcome);
  return { ...meeting, status: outcome, updatedAt: now };
}

/** The meeting moved to new times (and, for a booking tool, its new booking id); `conflict` unless booked. */
export function rescheduleMeeting(meeting: Meeting, times: MeetingTimes, externalId: string | null, now: number): Meeting {
  requireBooked(meeting, "rescheduled");
  checkMeetingTimes(times);
  return { ...meeting, ...times, externalId, updatedAt: now };
}

/** The meeting with the owner's readiness answers; `conflict` unless it was held (answers describe how it went). */
export function answerReadiness(meeting: Meeting, readiness: Readiness, now: number): Meeting {
  if (meeting.status !== "held") {
    throw new DomainError("conflict", { field: "status", message: `status: the meeting is ${meeting.status}; the readiness check follows a held meeting` });
  }
  return { ...meeting, readiness, updatedAt: now };
}

/** Belief debt: how many of the three readiness answers were "no" (0 = the buyer arrived ready). */
export function beliefDebtOf(answers: ReadinessAnswers): number {
  return [answers.understandsProblem, answers.understandsApproach, answers.readyToEvaluate].filter((isYes) => !isYes).length;
}

/** How long a meeting lasted, whole seconds; null when its end is unknown. */
export function meetingDurationSeconds(meeting: MeetingTimes): number | null {
  return meeting.endsAt === null ? null : Math.round((meeting.endsAt - meeting.startsAt) / 1000);
}
