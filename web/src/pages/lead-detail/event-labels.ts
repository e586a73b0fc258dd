import type { TeamMember } from "../../api/users.js";
import { stageLabel } from "../../components/stage-badge.js";
import { formatDateTime } from "../../format/format-time.js";
import { ownerName } from "../../hooks/use-team.js";

const EVENT_NAMES: Partial<Record<string, string>> = {
  created: "Lead captured",
  merged_duplicate: "Duplicate merged in",
  assigned: "Assigned",
  unassigned: "Waiting for an owner",
  handed_off: "Handed off",
  sla_started: "Response clock started",
  sla_warned: "Response due soon",
  sla_breached: "Response overdue",
  sla_met: "Responded in time",
  escalated: "Escalated",
  touch: "Contact attempt",
  note: "Note",
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

export type SummaryContext = { team: TeamMember[]; timeZone: string };

/** One line on what the event changed, when its data says more than its name. */
export function eventSummary(type: string, data: Record<string, unknown>, { team, timeZone }: SummaryContext): string | null {
  const reason = typeof data.reason === "string" ? data.reason : null;
  switch (type) {
    case "merged_duplicate": {
      const matchedBy = Array.isArray(data.matchedBy) ? data.matchedBy.join(" and ") : "email or phone";
      const changed = Array.isArray(data.changedFields) && data.changedFields.length > 0 ? `filled in ${data.changedFields.join(", ")}` : "nothing new";
      return `Same ${matchedBy}; ${changed}.`;
    }
    case "assigned":
      return `To ${ownerName(team, typeof data.ownerId === "string" ? data.ownerId : null)}${reason ? `: ${reason}` : ""}`;
    case "unassigned":
      return reason;
    case "sla_started":
      return typeof data.dueAt === "number" ? `First response due ${formatDateTime(new Date(data.dueAt).toISOString(), timeZone)}.` : null;
    case "note":
      return typeof data.text === "string" ? data.text : null;
    default:
      return null;
  }
}
