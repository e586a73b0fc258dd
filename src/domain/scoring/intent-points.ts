
import type { IntentSignal } from "./intent-signals.js";
import type { IntentRule } from "./scoring-config.js";
import { DAY_MS } from "../time.js";

/** An intent rule with the signals it counts (most recent first) and their decayed points, unrounded. */
export type IntentRuleMatch = { rule: IntentRule; signals: IntentSignal[]; points: number };

/** Days since the signal, with fractions; a signal stamped in the future (a skewed clock) counts as now. */
export function ageInDays(signal: Pick<IntentSignal, "at">, now: number): number {
  return Math.max(0, now - signal.at) / DAY_MS;
}

/** Points that halve every `halfLifeDays`: a pricing visit a week ago is worth half of today's. */
export function decayedPoints(points: number, ageDays: number, halfLifeDays: number): number {
  return points * 0.5 ** (ageDays / halfLifeDays);
}

/** The signals a rule counts: of its kind, with `match` in any detail (ignoring case), at most `maxCount`, most recent first. */
function countedSignals(rule: IntentRule, signals: readonly IntentSignal[]): IntentSignal[] {
  const needle = rule.match?.toLowerCase() ?? null;
  return signals
    .filter((signal) => signal.kind === rule.signal && (needle === null || signal.details.some((detail) => detail.toLowerCase().includes(needle))))
    .sort((a, b) => b.at - a.at)
    .slice(0, rule.maxCount);
}

/** The rules that counted at least one signal, in rule order, with the points each adds at `now`. */
export function intentRuleMatches(rules: readonly IntentRule[], signals: readonly IntentSignal[], now: number): IntentRuleMatch[] {
  return rules
    .map((rule) => {
      const counted = countedSignals(rule, signals);
      const points = counted.reduce((total, signal) => total + decayedPoints(rule.points, ageInDays(signal, now), rule.halfLifeDays), 0);
      return { rule, signals: counted, points };
    })
    .filter((match) => match.signals.length > 0);
}
