import { ATTENTION_REASON_CODES, type AttentionReason, urgencyRank } from "./attention-reason.js";

/** What the queue orders leads by. */
export type AttentionRanking = {
  leadId: string;
  reasons: readonly AttentionReason[];
  /** The lead's score, higher first; 0 until leads are scored. */
  score: number;
  /** Deal value in minor units; a lead without one ranks below any value. */
  valueCents: number | null;
  createdAt: number;
};

/** The rank of the lead's most urgent reason (0 = SLA breached); a lead with none ranks after all. */
function topUrgency(item: AttentionRanking): number {
  return item.reasons.reduce<number>((top, reason) => Math.min(top, urgencyRank(reason.code)), ATTENTION_REASON_CODES.length);
}

function compareValuesDescending(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * Queue order: the most urgent reason first (SLA breached, reply waiting, next step overdue,
 * SLA at risk, no next step, stalled), then higher score, then higher value, then the oldest
 * lead, then the lead id so the order is total and stable across requests.
 */
export function compareByUrgency(a: AttentionRanking, b: AttentionRanking): number {
  const byUrgency = topUrgency(a) - topUrgency(b);
  if (byUrgency !== 0) return byUrgency;
  if (a.score !== b.score) return b.score - a.score;
  const byValue = compareValuesDescending(a.valueCents, b.valueCents);
  if (byValue !== 0) return byValue;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0;
}

/** The items in queue order (a new array). */
export function orderByUrgency<T extends AttentionRanking>(items: readonly T[]): T[] {
  return [...items].sort(compareByUrgency);
}
