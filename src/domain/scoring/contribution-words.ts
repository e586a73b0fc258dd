import type { LeadFacts } from "../routing/routing-rule.js";
import { ageInDays, type IntentRuleMatch } from "./intent-points.js";
import type { FitRule } from "./scoring-config.js";

const CUSTOM_PREFIX = "custom.";

/** Whole points with their sign: `+25`, `-10`. */
function signedPoints(points: number): string {
  const whole = Math.round(points);
  return whole < 0 ? String(whole) : `+${whole}`;
}

function daysAgo(ageDays: number): string {
  const days = Math.floor(ageDays);
  return days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
}

/**
 * A matched fit rule for a sales manager: "Senior title (VP of Sales): +25 fit". The lead's value
 * is shown unless the rule tests for one exact value, which its label already names ("Budget confirmed").
 */
export function fitWords(rule: FitRule, facts: LeadFacts): string {
  const { field, operator } = rule.condition;
  const value = operator === "equals" ? null : (facts[field] ?? null);
  const shown = value === null ? "" : field.startsWith(CUSTOM_PREFIX) ? ` (${field.slice(CUSTOM_PREFIX.length)}: ${value})` : ` (${value})`;
  return `${rule.label}${shown}: ${signedPoints(rule.points)} fit`;
}

/**
 * A matched intent rule: "Visited the pricing page 2× (most recent 3 days ago): +21 intent,
 * decayed from 30". The decay is mentioned only when it changed the whole points.
 */
export function intentWords(match: IntentRuleMatch, now: number): string {
  const { rule, signals, points } = match;
  const latest = daysAgo(signals[0] ? ageInDays(signals[0], now) : 0);
  const when = signals.length === 1 ? ` (${latest})` : ` ${signals.length}× (most recent ${latest})`;
  const undecayed = rule.points * signals.length;
  const decay = Math.round(points) === undecayed ? "" : `, decayed from ${undecayed}`;
  return `${rule.label}${when}: ${signedPoints(points)} intent${decay}`;
}
