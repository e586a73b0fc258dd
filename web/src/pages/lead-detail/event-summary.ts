import type { TeamMember } from "../../api/users.js";
import { formatDateTime } from "../../format/format-time.js";
import { formatMinutes } from "../../format/format-sla.js";
import { ownerName } from "../../hooks/use-team.js";
import { itemNames } from "./handoff-items.js";
import { pipelineEventSummary, type PipelineSummaryContext } from "./pipeline-event-summary.js";
import { sequenceEventSummary } from "./sequence-event-summary.js";
import { touchHeadline } from "./touch-labels.js";

export type SummaryContext = PipelineSummaryContext;

const ESCALATION_WORDS: Partial<Record<string, string>> = {
  notify_owner: "Owner reminded",
  reassign: "Reassigned to someone available",
  notify_manager: "Manager told",
};

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const userId = (value: unknown): string | null => (typeof value === "string" ? value : null);

function dueLine(prefix: string, dueAt: unknown, timeZone: string): string | null {
  return typeof dueAt === "number" ? `${prefix} ${formatDateTime(new Date(dueAt).toISOString(), timeZone)}.` : null;
}

function handoffLine(data: Record<string, unknown>, team: TeamMember[]): string {
  const from = data.fromUserId === null ? "nobody" : ownerName(team, userId(data.fromUserId));
  const missing = Array.isArray(data.missingItems) && data.missingItems.length > 0 ? ` Incomplete: no ${itemNames(data.missingItems.map(String)).toLowerCase()}.` : "";
  return `From ${from} to ${ownerName(team, userId(data.toUserId))}${text(data.reason) ? `: ${text(data.reason)}` : ""}.${missing}`;
}

/** One line on what the event changed, when its data says more than its name. */
export function eventSummary(type: string, data: Record<string, unknown>, context: SummaryContext): string | null {
  const { team, timeZone } = context;
  const reason = text(data.reason);
  switch (type) {
    case "merged_duplicate": {
      const matchedBy = Array.isArray(data.matchedBy) ? data.matchedBy.join(" and ") : "email or phone";
      const changed = Array.isArray(data.changedFields) && data.changedFields.length > 0 ? `filled in ${data.changedFields.join(", ")}` : "nothing new";
      return `Same ${matchedBy}; ${changed}.`;
    }
    case "assigned":
      return `To ${ownerName(team, userId(data.ownerId))}${reason ? `: ${reason}` : ""}`;
    case "unassigned":
      return reason;
    case "handed_off":
      return handoffLine(data, team);
    case "sla_started": {
      const due = dueLine("First response due", data.dueAt, timeZone);
      return due && text(data.policyName) ? `${due.slice(0, -1)} (${text(data.policyName)}).` : due;
    }
    case "sla_warned":
      return dueLine("First response due", data.dueAt, timeZone);
    case "sla_breached":
      return dueLine("Nobody responded by", data.dueAt, timeZone);
    case "sla_met": {
      const after = typeof data.responseMinutes === "number" ? ` after ${formatMinutes(data.responseMinutes)}` : "";
      return data.isWithinSla === false ? `First response came late${after}.` : `First response${after}, within the SLA.`;
    }
    case "escalated":
      return `${ESCALATION_WORDS[String(data.action)] ?? String(data.action)}${text(data.outcome) ? ` (${text(data.outcome)})` : ""}.`;
    case "touch":
      return `${touchHeadline(data)}${text(data.notes) ? `: ${text(data.notes)}` : ""}`;
    case "note":
      return text(data.text);
    default:
      return pipelineEventSummary(type, data, context) ?? sequenceEventSummary(type, data, timeZone);
  }
}
