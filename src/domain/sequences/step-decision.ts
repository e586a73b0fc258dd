import type { DealOutcome } from "../pipeline/deal-outcome.js";
import type { Enrolment, PauseReason, StopReason } from "./enrolment.js";
import { HOUR_MS } from "../time.js";

/** What a `sequence-step` timer names: the enrolment and the step it was scheduled for. */
export type StepTimerPayload = { enrolmentId: string; cycle: number; stepIndex: number };

/**
 * Whether a step timer still speaks for its enrolment: it is active and waiting for exactly this
 * cycle and step. Anything else (paused, stopped, moved on by a retry that already ran) makes the
 * timer a no-op, so a stale or repeated timer never sends a step twice.
 */
export function isCurrentStep(enrolment: Enrolment | undefined, payload: StepTimerPayload): enrolment is Enrolment {
  return enrolment !== undefined && enrolment.status === "active" && enrolment.cycle === payload.cycle && enrolment.nextStepIndex === payload.stepIndex;
}

/** The stop reason of a lead whose deal ended (won, lost, disqualified); null while it is open. */
export function stopReasonOfOutcome(outcome: DealOutcome | null): StopReason | null {
  return outcome?.kind ?? null;
}

/** What the lead and the owner's mailbox say about emailing this lead now. */
export type EmailFacts = {
  email: string | null;
  isOptedOut: boolean;
  /** Why the address (or its domain) is on the suppression list; null: it is not. */
  suppressionReason: "opted_out" | "bounced" | "manual" | null;
  hasMailbox: boolean;
};

/** Why an email step cannot go out: the sequence pauses until someone fixes it, or stops for good. */
export type EmailBlock = { kind: "pause"; reason: PauseReason } | { kind: "stop"; reason: StopReason };

/**
 * Checks in order of permanence: an opted-out or suppressed lead stops (a bounce stops as
 * bounced, a manual entry as opted out: nobody may write to it), a lead without an address or an
 * owner without a mailbox pauses (adding either lets the sequence resume).
 */
export function emailBlockOf(facts: EmailFacts): EmailBlock | null {
  if (facts.isOptedOut) return { kind: "stop", reason: "opted_out" };
  if (facts.suppressionReason !== null) return { kind: "stop", reason: facts.suppressionReason === "bounced" ? "bounced" : "opted_out" };
  if (facts.email === null) return { kind: "pause", reason: "no_email" };
  if (!facts.hasMailbox) return { kind: "pause", reason: "no_mailbox" };
  return null;
}

/**
 * How long a throttled step waits before it looks again: a tenth of the hour when the hourly
 * limit is reached (slots free up as the hour rolls), an hour when the daily limit is.
 */
const THROTTLE_RECHECK_MS = { hourly: HOUR_MS / 10, daily: HOUR_MS };

/** Messages a mailbox queued or sent in the last hour and day, and its limits. */
export type MailboxUsage = { lastHour: number; lastDay: number; hourlyLimit: number; dailyLimit: number };

/** When a throttled step should look again; null when the mailbox may send one more now. */
export function throttleRecheckAt(usage: MailboxUsage, now: number): number | null {
  if (usage.lastDay >= usage.dailyLimit) return now + THROTTLE_RECHECK_MS.daily;
  if (usage.lastHour >= usage.hourlyLimit) return now + THROTTLE_RECHECK_MS.hourly;
  return null;
}

/**
 * The Message-ID of a sequence email: its sequence message id at the sender's domain, recorded
 * before sending so every retry carries the same id and replies can be matched on it.
 */
export function sequenceMessageIdOf(sequenceMessageId: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1).trim() || "closeloop.invalid";
  return `<${sequenceMessageId}@${domain}>`;
}
