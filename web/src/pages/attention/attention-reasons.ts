import type { AttentionItem, AttentionReasonCode } from "../../api/attention.js";

/** Each reason in words, most urgent first (the API orders leads by the same list). */
export const REASON_LABELS: Record<AttentionReasonCode, string> = {
  sla_breached: "First response overdue",
  reply_waiting: "Reply waiting",
  next_step_overdue: "Next step overdue",
  sla_at_risk: "First response due soon",
  no_next_step: "No next step",
  stalled: "Stalled",
};

/** Reasons that need action today, drawn in the danger colour. */
const URGENT: ReadonlySet<AttentionReasonCode> = new Set(["sla_breached", "reply_waiting", "next_step_overdue"]);

/** The API's detail says it in full ("Next step overdue by 3 h"); the label stands in when it gives none. */
export function reasonText(reason: AttentionItem["reasons"][number]): string {
  return reason.detail.trim() || (REASON_LABELS[reason.code] ?? reason.code);
}

/** Whether a reason is one of the urgent ones. */
export function isUrgentReason(code: AttentionReasonCode): boolean {
  return URGENT.has(code);
}

/** "3 leads need attention"; "Nothing needs attention" for none. */
export function attentionSummary(count: number): string {
  if (count === 0) return "Nothing needs attention";
  return `${count} ${count === 1 ? "lead needs" : "leads need"} attention, most urgent first`;
}
