import type { LeadFacts, RoutingCondition, RoutingRule } from "./routing-rule.js";

function asNumber(value: string | number | null): number | null {
  if (value === null || value === "") return null;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * Whether one condition holds. Text comparisons ignore case (people type "LinkedIn" and
 * "linkedin"); a missing field never matches, so a rule on `country` skips leads without one.
 */
export function conditionHolds(condition: RoutingCondition, facts: LeadFacts): boolean {
  const actual = facts[condition.field] ?? null;
  if (actual === null) return false;
  const text = String(actual).toLowerCase();
  const { operator, value } = condition;
  switch (operator) {
    case "equals":
      return text === String(value).toLowerCase();
    case "in":
      return (Array.isArray(value) ? value : [String(value)]).some((option) => option.toLowerCase() === text);
    case "contains":
      return text.includes(String(value).toLowerCase());
    case "matches":
      return safeRegExp(String(value))?.test(String(actual)) ?? false;
    default: {
      const left = asNumber(actual);
      const right = asNumber(Array.isArray(value) ? null : value);
      if (left === null || right === null) return false;
      return operator === "gt" ? left > right : operator === "gte" ? left >= right : operator === "lt" ? left < right : left <= right;
    }
  }
}

/** Compiled patterns by source text: rules test the same few patterns on every lead of a scoring pass or routing burst. */
const compiledPatterns = new Map<string, RegExp | null>();

/** Distinct patterns kept compiled; a workspace has a few dozen, so this bound only guards against unbounded growth. */
const COMPILED_PATTERNS_KEPT = 500;

/**
 * A case-insensitive pattern, or null when the text is not a valid regular expression. Compiled
 * once per text and shared: without the `g` or `y` flag `test` keeps no state between calls.
 */
export function safeRegExp(pattern: string): RegExp | null {
  const cached = compiledPatterns.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: RegExp | null;
  try {
    compiled = new RegExp(pattern, "i");
  } catch {
    compiled = null;
  }
  if (compiledPatterns.size >= COMPILED_PATTERNS_KEPT) compiledPatterns.delete(compiledPatterns.keys().next().value!);
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

/** The first active rule, by position, whose conditions all hold (a rule with no conditions matches every lead). */
export function firstMatchingRule(rules: RoutingRule[], facts: LeadFacts): RoutingRule | undefined {
  return [...rules]
    .filter((rule) => rule.isActive)
    .sort((a, b) => a.position - b.position)
    .find((rule) => rule.conditions.every((condition) => conditionHolds(condition, facts)));
}
