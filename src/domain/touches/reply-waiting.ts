import type { Touch, TouchChannel } from "./touch.js";

/** Channels on which a lead writes to us and then waits for an answer (a call or meeting is answered live). */
const WRITTEN_CHANNELS: readonly TouchChannel[] = ["email", "sms", "linkedin"];

/**
 * Since when the lead has been waiting for an answer, after this touch: a message in starts
 * the wait (an earlier unanswered one keeps its start), any outbound touch by a person ends
 * it, and automated messages leave it as it was (a sequence email is not an answer).
 */
export function replyWaitingAfter(touch: Touch, waitingSince: number | null, now: number): number | null {
  if (touch.direction === "in") return WRITTEN_CHANNELS.includes(touch.channel) ? (waitingSince ?? now) : waitingSince;
  return touch.isAutomated ? waitingSince : null;
}
