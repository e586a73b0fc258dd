import { type RoutingCandidate, unavailabilityReason } from "./availability.js";
import { firstMatchingRule } from "./match-conditions.js";
import { EMPTY_CURSOR, pickFromPool, type PoolCursor } from "./pool-strategies.js";
import type { LeadFacts, RoutingRule, RoutingStrategy, RoutingTarget } from "./routing-rule.js";

/** The key a pool's cursor is stored under: the rule's id, or `fallback`. */
export type PoolKey = string;

export const FALLBACK_POOL: PoolKey = "fallback";

export type RoutingInput = {
  rules: RoutingRule[];
  /** Where leads go when no rule matches or nobody in the rule's pool is available. */
  fallback: RoutingTarget | null;
  facts: LeadFacts;
  candidates: Map<string, RoutingCandidate>;
  cursors: Map<PoolKey, PoolCursor>;
  now: number;
};

/** Who gets the lead and why, in words a manager can read on the timeline. */
export type RoutingDecision = {
  ownerId: string | null;
  ruleId: string | null;
  strategy: RoutingStrategy | null;
  reason: string;
  slaPolicyId: string | null;
  /** The pool cursor to store, when a pool was used. */
  cursorUpdate: { poolKey: PoolKey; cursor: PoolCursor } | null;
};

type PoolAttempt = { pick: ReturnType<typeof pickFromPool>; skipped: string[] };

function tryPool(target: RoutingTarget, input: RoutingInput, poolKey: PoolKey): PoolAttempt {
  const skipped: string[] = [];
  const available: RoutingCandidate[] = [];
  for (const userId of target.userIds) {
    const candidate = input.candidates.get(userId);
    const why = candidate ? unavailabilityReason(candidate, input.now) : "no longer a user";
    if (why === null) available.push(candidate!);
    else skipped.push(`${candidate?.name ?? userId}: ${why}`);
  }
  return { pick: pickFromPool(target.strategy, available, input.cursors.get(poolKey) ?? EMPTY_CURSOR), skipped };
}

function skippedNote(skipped: string[]): string {
  return skipped.length > 0 ? ` (skipped ${skipped.join("; ")})` : "";
}

/**
 * Routes a lead: the first matching rule's pool, else the fallback pool, else nobody (the
 * lead waits in the unassigned queue). Pure: the caller loads candidates and cursors, and
 * stores the returned cursor in the same transaction.
 */
export function chooseOwner(input: RoutingInput): RoutingDecision {
  const rule = firstMatchingRule(input.rules, input.facts);
  const notes: string[] = [];
  if (rule) {
    const attempt = tryPool(rule.target, input, rule.id);
    if (attempt.pick) {
      return decision(attempt.pick, rule.id, rule.target.strategy, `rule '${rule.name}' → ${attempt.pick.detail}${skippedNote(attempt.skipped)}`, rule.slaPolicyId);
    }
    notes.push(`rule '${rule.name}': nobody available${skippedNote(attempt.skipped)}`);
  } else {
    notes.push("no rule matched");
  }
  if (input.fallback) {
    const attempt = tryPool(input.fallback, input, FALLBACK_POOL);
    if (attempt.pick) {
      return decision(attempt.pick, null, input.fallback.strategy, `${notes.join("; ")} → fallback pool → ${attempt.pick.detail}${skippedNote(attempt.skipped)}`, rule?.slaPolicyId ?? null, FALLBACK_POOL);
    }
    notes.push(`fallback pool: nobody available${skippedNote(attempt.skipped)}`);
  }
  return { ownerId: null, ruleId: rule?.id ?? null, strategy: null, reason: `${notes.join("; ")} → unassigned`, slaPolicyId: rule?.slaPolicyId ?? null, cursorUpdate: null };
}

function decision(
  pick: NonNullable<PoolAttempt["pick"]>,
  ruleId: string | null,
  strategy: RoutingStrategy,
  reason: string,
  slaPolicyId: string | null,
  poolKey: PoolKey | null = ruleId,
): RoutingDecision {
  return { ownerId: pick.candidate.userId, ruleId, strategy, reason, slaPolicyId, cursorUpdate: { poolKey: poolKey ?? FALLBACK_POOL, cursor: pick.cursor } };
}
