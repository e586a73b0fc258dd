import { formatDateTime } from "../../format/format-time.js";
import { CHANNEL_NAMES } from "../sequences/sequence-words.js";
import { enrolledViaText, pauseReasonText, stopReasonText } from "./follow-up-words.js";

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
const OPT_OUT_VIA: Partial<Record<string, string>> = { one_click: "the one-click link in their mail app", page: "the unsubscribe page", reply: "a reply", manual: "a teammate" };

/** "until 3 Mar 2026, 09:00" for an epoch-ms instant in event data; "" when there is none. */
function untilText(at: unknown, timeZone: string): string {
  return typeof at === "number" ? ` until ${formatDateTime(new Date(at).toISOString(), timeZone)}` : "";
}

/** One line on a follow-up sequence event: why it paused or stopped, what went out, what came back. */
export function sequenceEventSummary(type: string, data: Record<string, unknown>, timeZone: string): string | null {
  switch (type) {
    case "enrolled":
      return text(data.sequenceName) && `${text(data.sequenceName)}, ${enrolledViaText(String(data.via))}.`;
    case "sequence_paused":
      return text(data.reason) && `${capitalised(pauseReasonText(String(data.reason)))}${untilText(data.until, timeZone)}.`;
    case "sequence_stopped":
      return text(data.reason) && `${capitalised(stopReasonText(String(data.reason)))}.`;
    case "sequence_finished":
      return data.nurtureSequenceId ? "Every step ran without a reply; on to nurture." : "Every step ran without a reply.";
    case "message_sent":
      return text(data.subject) && `“${text(data.subject)}” to ${text(data.to) ?? "the lead"}.`;
    case "message_suppressed":
    case "message_failed":
      return text(data.reason);
    case "sequence_task_due":
      return text(data.instructions) && `${CHANNEL_NAMES[String(data.channel) as keyof typeof CHANNEL_NAMES] ?? String(data.channel)}: ${text(data.instructions)}`;
    case "replied":
      return text(data.subject) && `“${text(data.subject)}”`;
    case "auto_replied":
      return data.isOutOfOffice ? `Out of office${typeof data.returnsAt === "number" ? `, back ${formatDateTime(new Date(data.returnsAt).toISOString(), timeZone)}` : ""}.` : "Not a reply: the sequence carries on.";
    case "opted_out":
      return text(data.address) && `${text(data.address)}, through ${OPT_OUT_VIA[String(data.via)] ?? String(data.via)}. Permanent.`;
    case "bounced":
      return text(data.address) && `${text(data.address)}${text(data.diagnostic) ? `: ${text(data.diagnostic)}` : ""}`;
    default:
      return null;
  }
}
