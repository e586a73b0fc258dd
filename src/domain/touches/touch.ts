/** How a contact attempt happened. */
export type TouchChannel = "call" | "email" | "sms" | "linkedin" | "meeting";

export const TOUCH_CHANNELS: readonly TouchChannel[] = ["call", "email", "sms", "linkedin", "meeting"];

/** Result of a call. */
export type CallOutcome = "connected" | "voicemail" | "no_answer" | "wrong_number";

export const CALL_OUTCOMES: readonly CallOutcome[] = ["connected", "voicemail", "no_answer", "wrong_number"];

/** A contact attempt with a lead, logged by a person or by an automated sequence. */
export type Touch = {
  channel: TouchChannel;
  direction: "in" | "out";
  outcome: CallOutcome | null;
  durationSeconds: number | null;
  notes: string | null;
  /** Sent by the system (a sequence email), not by a person. */
  isAutomated: boolean;
};

/**
 * Whether a touch answers the lead for speed-to-lead: an outbound call, email or SMS by a
 * person. An automated message counts only when the policy says so. A wrong number reached
 * nobody, so it does not stop the clock.
 */
export function isFirstResponse(touch: Touch, isAutomatedResponseEnough: boolean): boolean {
  if (touch.direction !== "out" || !["call", "email", "sms"].includes(touch.channel)) return false;
  if (touch.outcome === "wrong_number") return false;
  return !touch.isAutomated || isAutomatedResponseEnough;
}
