import type { RoutingCandidate } from "./availability.js";
import type { RoutingStrategy } from "./routing-rule.js";

/** What a pool remembers between leads: whom it gave the last one, and smooth-weighted counters. */
export type PoolCursor = { lastUserId: string | null; currentWeights: Record<string, number> };

export const EMPTY_CURSOR: PoolCursor = { lastUserId: null, currentWeights: {} };

/** Load of a person without a capacity limit is measured against this many open leads. */
const NOMINAL_CAPACITY = 50;

export type PoolPick = { candidate: RoutingCandidate; cursor: PoolCursor; detail: string };

/** The pool in turn order: starting just after the person who got the last lead. */
function inTurnOrder(available: RoutingCandidate[], lastUserId: string | null): RoutingCandidate[] {
  const lastIndex = available.findIndex((c) => c.userId === lastUserId);
  return [...available.slice(lastIndex + 1), ...available.slice(0, lastIndex + 1)];
}

function loadOf(candidate: RoutingCandidate): number {
  return candidate.openLeads / (candidate.capacity ?? NOMINAL_CAPACITY);
}

function openOf(candidate: RoutingCandidate): string {
  return candidate.capacity === null ? `${candidate.openLeads} open` : `${candidate.openLeads} of ${candidate.capacity} open`;
}

/**
 * Picks from the available members of a pool (given in pool order). Round robin takes the
 * next in turn; weighted round robin is nginx's smooth weighted algorithm (exact shares over
 * every cycle, without bursts); least loaded takes the lowest open/capacity share, ties in turn order.
 */
export function pickFromPool(strategy: RoutingStrategy, available: RoutingCandidate[], cursor: PoolCursor): PoolPick | null {
  if (available.length === 0) return null;
  if (strategy === "round_robin") {
    const candidate = inTurnOrder(available, cursor.lastUserId)[0]!;
    return { candidate, cursor: { ...cursor, lastUserId: candidate.userId }, detail: `round robin: ${candidate.name}` };
  }
  if (strategy === "least_loaded") {
    const candidate = inTurnOrder(available, cursor.lastUserId).reduce((best, c) => (loadOf(c) < loadOf(best) ? c : best));
    return { candidate, cursor: { ...cursor, lastUserId: candidate.userId }, detail: `least loaded: ${candidate.name}, ${openOf(candidate)}` };
  }
  const weights = { ...cursor.currentWeights };
  let total = 0;
  let best: RoutingCandidate | undefined;
  for (const c of available) {
    const weight = Math.max(c.routingWeight, 0);
    weights[c.userId] = (weights[c.userId] ?? 0) + weight;
    total += weight;
    if (!best || weights[c.userId]! > weights[best.userId]!) best = c;
  }
  weights[best!.userId]! -= total;
  return { candidate: best!, cursor: { lastUserId: best!.userId, currentWeights: weights }, detail: `weighted round robin: ${best!.name} (weight ${best!.routingWeight})` };
}
