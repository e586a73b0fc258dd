import type { Enrolment, SequenceMessage } from "../../api/lead-sequence.js";
import type { Lead } from "../../api/leads.js";
import type { TeamMember } from "../../api/users.js";
import { formatDateTime } from "../../format/format-time.js";
import { leadTimeZone } from "../../../../src/domain/sequences/lead-time-zone.js";

export const ENROLMENT_STATUS_LABELS: Record<Enrolment["status"], string> = { active: "Running", paused: "Paused", finished: "Finished", stopped: "Stopped" };

const STOP_REASONS: Record<string, string> = {
  replied: "the lead replied",
  meeting_booked: "a meeting was booked",
  won: "the lead was won",
  lost: "the lead was lost",
  disqualified: "the lead was disqualified",
  opted_out: "the lead opted out",
  bounced: "the address bounced",
  manual: "by hand",
  re_enrolled: "moved to another sequence",
  sequence_archived: "the sequence was archived",
};

const PAUSE_REASONS: Record<string, string> = {
  manual: "by hand",
  out_of_office: "out of office",
  no_mailbox: "the owner has no mailbox set up",
  template_error: "a template does not render for this lead",
  no_email: "the lead has no email address",
};

const ENROLLED_VIA: Record<string, string> = { manual: "by hand", routing_rule: "by a routing rule", playbook: "by a playbook", nurture: "after its follow-up ended" };

export const MESSAGE_STATUS_LABELS: Record<SequenceMessage["status"], string> = { queued: "Queued", sent: "Sent", suppressed: "Not sent (suppressed)", failed: "Failed" };

/** Why an enrolment paused or ended, in words: "Stopped: the lead replied", "Paused: out of office until 3 Mar 2026, 09:00". */
export function enrolmentStateText(enrolment: Enrolment, timeZone: string): string {
  const status = ENROLMENT_STATUS_LABELS[enrolment.status];
  if (enrolment.status === "stopped" && enrolment.stopReason) return `${status}: ${stopReasonText(enrolment.stopReason)}`;
  if (enrolment.status === "paused") {
    const reason = enrolment.pauseReason ? `: ${pauseReasonText(enrolment.pauseReason)}` : "";
    return `${status}${reason}${enrolment.pausedUntil ? ` until ${formatDateTime(enrolment.pausedUntil, timeZone)}` : ""}`;
  }
  if (enrolment.status === "finished") return `${status}: every step ran without a reply`;
  return status;
}

/** "the lead replied", "moved to another sequence"… */
export function stopReasonText(reason: string): string {
  return STOP_REASONS[reason] ?? reason;
}

/** "out of office", "the owner has no mailbox set up"… */
export function pauseReasonText(reason: string): string {
  return PAUSE_REASONS[reason] ?? reason;
}

/** "by hand", "by a routing rule"… */
export function enrolledViaText(via: string): string {
  return ENROLLED_VIA[via] ?? via;
}

/** The zone sequence steps keep to for this lead, by the rule the server plans with: its own `timezone`, else its owner's, else UTC. */
export function leadTimeZoneOf(lead: Pick<Lead, "custom" | "ownerId">, team: TeamMember[]): string {
  return leadTimeZone(lead, team.find((member) => member.id === lead.ownerId)?.timezone ?? null);
}
