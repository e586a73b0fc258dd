import type { TeamMember } from "../../api/users.js";
import { stageLabel } from "../../components/stage-badge.js";

const EVENT_NAMES: Partial<Record<string, string>> = {
  created: "Lead captured",
  merged_duplicate: "Duplicate merged in",
  assigned: "Assigned",
  unassigned: "Waiting for an owner",
  handed_off: "Handed off",
  sla_started: "Response clock started",
  sla_warned: "Response due soon",
  sla_breached: "Response overdue",
  sla_met: "First response",
  escalated: "Escalated",
  touch: "Contact attempt",
  note: "Note",
  stage_changed: "Stage changed",
  won: "Won",
  lost: "Lost",
  proposal_sent: "Proposal sent",
  next_step_set: "Next step set",
  next_step_rescheduled: "Next step rescheduled",
  next_step_done: "Next step done",
  next_step_due: "Next step due",
  next_step_overdue: "Next step overdue",
  qualification_answered: "Qualification answered",
  qualified: "Qualified",
  disqualified: "Disqualified",
  requalified: "Requalified",
  reopened: "Reopened",
  meeting_booked: "Meeting booked",
  meeting_rescheduled: "Meeting rescheduled",
  meeting_held: "Meeting held",
  no_show: "No-show",
  meeting_canceled: "Meeting canceled",
  readiness_checked: "Readiness checked",
  objection_logged: "Objection logged",
  enrolled: "Enrolled in a sequence",
  sequence_paused: "Sequence paused",
  sequence_resumed: "Sequence resumed",
  sequence_stopped: "Sequence stopped",
  sequence_finished: "Sequence finished",
  message_sent: "Sequence email sent",
  message_suppressed: "Sequence email not sent",
  message_failed: "Sequence email failed",
  sequence_task_due: "Sequence task due",
  sequence_task_done: "Sequence task done",
  replied: "Replied",
  auto_replied: "Automatic reply",
  opted_out: "Opted out",
  bounced: "Email bounced",
};

/** "merged_duplicate" → "Duplicate merged in"; types added later read as their words until named here. */
export function eventName(type: string): string {
  return EVENT_NAMES[type] ?? stageLabel(type);
}

/** Who did it, in words: a teammate's name, "API key", "Form contact-us", "CSV import"… */
export function actorLabel(actor: string, team: TeamMember[]): string {
  const [kind = "", id = ""] = actor.split(/:(.*)/s);
  if (kind === "user") return team.find((member) => member.id === id)?.name ?? "A teammate";
  if (kind === "api_key") return "API key";
  if (kind === "form") return `Form ${id}`;
  if (kind === "import") return "CSV import";
  if (kind === "demo") return "Demo data";
  if (kind === "system") return "Closeloop";
  return actor;
}

/** Who answered or did something, given either an actor (`user:<id>`, `api_key:<id>`…) or a bare user id. */
export function personLabel(who: string, team: TeamMember[]): string {
  return who.includes(":") ? actorLabel(who, team) : (team.find((member) => member.id === who)?.name ?? "A teammate");
}
