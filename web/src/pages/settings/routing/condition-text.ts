import type { RoutingCondition } from "../../../api/routing.js";
import type { ConditionOperator } from "../../../../../src/domain/routing/routing-rule.js";

/** Operators as words in a sentence: "country is one of DE, AT". */
export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: "is",
  in: "is one of",
  contains: "contains",
  matches: "matches pattern",
  gt: ">",
  gte: "≥",
  lt: "<",
  lte: "≤",
};

/** A condition as an editor row holds it: the value as typed. */
export type ConditionDraft = { field: string; operator: ConditionOperator; text: string };

/** The value as the editor shows it: lists comma-separated. */
export function textOfValue(value: RoutingCondition["value"]): string {
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** The value the API expects for the operator: a list for `in`, a number for comparisons, else text. */
export function conditionOfDraft({ field, operator, text }: ConditionDraft): RoutingCondition {
  const trimmed = text.trim();
  if (operator === "in") return { field: field.trim(), operator, value: trimmed.split(",").map((item) => item.trim()).filter(Boolean) };
  const isNumeric = ["gt", "gte", "lt", "lte"].includes(operator) && trimmed !== "" && Number.isFinite(Number(trimmed));
  return { field: field.trim(), operator, value: isNumeric ? Number(trimmed) : trimmed };
}

/** "source is google". */
export function conditionText(condition: RoutingCondition): string {
  return `${condition.field} ${OPERATOR_LABELS[condition.operator]} ${textOfValue(condition.value)}`;
}
