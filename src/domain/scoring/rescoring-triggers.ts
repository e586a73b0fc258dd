import { SIGNAL_EVENT_TYPES } from "./intent-signals.js";

/** Capture scores the leads it creates or merges into itself, in its own transaction. */
const SCORED_BY_CAPTURE = new Set(["created", "merged_duplicate"]);

/**
 * Events after which a lead's score may move: every event that carries intent, a qualification
 * answer (fit rules read them), and a reopened outcome (closed leads are not rescored).
 */
export const RESCORING_EVENT_TYPES: ReadonlySet<string> = new Set([
  ...SIGNAL_EVENT_TYPES.filter((type) => !SCORED_BY_CAPTURE.has(type)),
  "qualification_answered",
  "requalified",
  "reopened",
]);

/**
 * Whether an event can move its lead's score: one of `RESCORING_EVENT_TYPES`, and for a touch
 * only one that came in (an outbound touch, one per sequence email, carries no intent).
 */
export function isRescoringEvent(event: { type: string; data: Record<string, unknown> }): boolean {
  return RESCORING_EVENT_TYPES.has(event.type) && (event.type !== "touch" || event.data.direction === "in");
}

/** The worker task that rescores one lead. */
export const LEAD_RESCORE_TASK = "lead-rescore";

/** One pending rescore per lead: events in a burst share it. */
export const leadRescoreTimerKey = (leadId: string): string => `rescore:${leadId}`;

/** The worker task that rescores every open lead, a page at a time (daily, and after the rules or the model change). */
export const SCORES_REFRESH_TASK = "scores-refresh";

/** One refresh pass at a time: requesting a new one restarts it from the first lead. */
export const scoresRefreshTimerKey = "scores-refresh";
