import { FALLBACK_POOL, type PoolKey } from "../../domain/routing/choose-owner.js";
import type { RoutingCandidate } from "../../domain/routing/availability.js";
import type { PoolCursor } from "../../domain/routing/pool-strategies.js";
import type { RoutingRule, RoutingTarget } from "../../domain/routing/routing-rule.js";
import type { BusinessCalendar } from "../../domain/sla/business-hours.js";
import type { Executor } from "../../store/engine.js";
import { ensurePoolCursors, findPoolCursors } from "../../store/routing-cursors.js";
import { loadRoutingCandidates } from "../../store/routing-profiles.js";
import { listRoutingRules } from "../../store/routing-rules.js";
import { readSettings } from "../../store/settings.js";

/** Everything routing reads, loaded once per capture transaction however many leads it routes. */
export type RoutingState = {
  rules: RoutingRule[];
  fallback: RoutingTarget | null;
  candidates: Map<string, RoutingCandidate>;
  cursors: Map<PoolKey, PoolCursor>;
  calendar: BusinessCalendar;
  /** Read with the rest, so notifying the new owners needs no second settings query. */
  slackWebhookUrl: string | null;
};

/**
 * Loads rules, the fallback pool, every pool member's availability and the pool cursors.
 * With `isLocking`, cursors are locked until the transaction ends (capture); a preview reads
 * them without locking and never writes.
 */
export async function loadRoutingState(trx: Executor, now: number, options: { isLocking: boolean }): Promise<RoutingState> {
  const settings = await readSettings(trx);
  const rules = (await listRoutingRules(trx)).filter((rule) => rule.isActive);
  const fallback = settings.fallbackPool;
  const poolKeys = [...rules.map((rule) => rule.id), ...(fallback ? [FALLBACK_POOL] : [])];
  if (options.isLocking) await ensurePoolCursors(trx, poolKeys, now);
  const cursors = await findPoolCursors(trx, poolKeys, options);
  const targets = [...rules.map((rule) => rule.target), ...(fallback ? [fallback] : [])];
  const members = targets.flatMap((target) => target.userIds);
  const leastLoaded = new Set(targets.filter((target) => target.strategy === "least_loaded").flatMap((target) => target.userIds));
  return { rules, fallback, candidates: await loadRoutingCandidates(trx, members, now, leastLoaded), cursors, calendar: settings.businessCalendar, slackWebhookUrl: settings.slackWebhookUrl };
}
