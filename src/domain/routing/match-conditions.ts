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

/** A case-insensitive pattern, or null when the text is not a valid regular expression. */
export function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "i");
  } catch {
    return null;
  }
}

/** The first active rule, by position, whose conditions all hold (a rule with no conditions matches every lead). */
export function firstMatchingRule(rules: RoutingRule[], facts: LeadFacts): RoutingRule | undefined {
  return [...rules]
    .filter((rule) => rule.isActive)
    .sort((a, b) => a.position - b.position)
    .find((rule) => rule.conditions.every((condition) => conditionHolds(condition, facts)));
}
