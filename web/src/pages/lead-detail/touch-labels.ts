import type { CallOutcome, TouchChannel } from "../../../../src/domain/touches/touch.js";

/** Channel names as people say them. */
export const CHANNEL_LABELS: Record<TouchChannel, string> = { call: "Call", email: "Email", sms: "SMS", linkedin: "LinkedIn", meeting: "Meeting" };

/** The same channels mid-sentence: "Outbound call", "Inbound LinkedIn message". */
const CHANNEL_NOUNS: Record<TouchChannel, string> = { call: "call", email: "email", sms: "SMS", linkedin: "LinkedIn message", meeting: "meeting" };

/** What happened on a call. */
export const OUTCOME_LABELS: Record<CallOutcome, string> = { connected: "Connected", voicemail: "Left a voicemail", no_answer: "No answer", wrong_number: "Wrong number" };

/** "Outbound call · Connected · 4 min": a touch's event data in one line, notes excluded. */
export function touchHeadline(data: Record<string, unknown>): string {
  const channel = CHANNEL_NOUNS[data.channel as TouchChannel] ?? String(data.channel);
  const parts = [`${data.direction === "in" ? "Inbound" : "Outbound"} ${channel}`];
  if (typeof data.outcome === "string") parts.push(OUTCOME_LABELS[data.outcome as CallOutcome] ?? data.outcome);
  if (typeof data.durationSeconds === "number" && data.durationSeconds > 0) parts.push(`${Math.max(1, Math.round(data.durationSeconds / 60))} min`);
  return parts.join(" · ");
}
