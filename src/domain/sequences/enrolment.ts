export type EnrolmentStatus = "active" | "paused" | "finished" | "stopped";

/** Live enrolments hold the lead: a lead is in at most one at a time. */
export const LIVE_ENROLMENT_STATUSES: readonly EnrolmentStatus[] = ["active", "paused"];

export type EnrolmentVia = "manual" | "routing_rule" | "playbook" | "nurture";

/** Why a sequence stopped for a lead. */
export type StopReason = "replied" | "meeting_booked" | "won" | "lost" | "disqualified" | "opted_out" | "bounced" | "manual" | "re_enrolled" | "sequence_archived";

/** Why a sequence is paused: by hand, until an out-of-office return date, or until someone fixes what blocks sending. */
export type PauseReason = "manual" | "out_of_office" | "no_mailbox" | "template_error" | "no_email";

export type Enrolment = {
  id: string;
  leadId: string;
  sequenceId: string;
  status: EnrolmentStatus;
  cycle: number;
  nextStepIndex: number;
  anchorAt: number;
  nextSendAt: number | null;
  pausedUntil: number | null;
  pauseReason: PauseReason | null;
  stopReason: StopReason | null;
  threadMessageId: string | null;
  lastMessageId: string | null;
  enrolledVia: EnrolmentVia;
  enrolledBy: string;
  enrolledAt: number;
  endedAt: number | null;
  updatedAt: number;
};
