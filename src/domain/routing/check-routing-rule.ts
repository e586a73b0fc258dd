import { invalidField } from "../errors.js";
import { CUSTOM_FIELD_NAME_MAX_LENGTH } from "../lead/lead-limits.js";
import { ROUTABLE_FIELDS } from "./lead-facts.js";
import { safeRegExp } from "./match-conditions.js";
import type { ConditionOperator, RoutingCondition, RoutingTarget } from "./routing-rule.js";

/** More conditions than this is a rule nobody can read; split it. */
export const MAX_RULE_CONDITIONS = 50;

/** A pool bigger than the largest sales floor is a mistake (every capture loads every member). */
export const MAX_POOL_MEMBERS = 200;

const NUMERIC_OPERATORS: ReadonlySet<ConditionOperator> = new Set(["gt", "gte", "lt", "lte"]);

function checkConditionField(field: string, path: string, extraFields: readonly string[]): void {
  const knownFields: readonly string[] = [...ROUTABLE_FIELDS, ...extraFields];
  if (knownFields.includes(field)) return;
  const customName = field.startsWith("custom.") ? field.slice("custom.".length) : "";
  if (customName.trim() !== "" && customName.length <= CUSTOM_FIELD_NAME_MAX_LENGTH) return;
  throw invalidField(path, `must be one of ${knownFields.join(", ")}, or custom.<name> for a custom field`);
}

function checkConditionValue({ operator, value }: RoutingCondition, path: string): void {
  if (operator === "in") {
    if (!Array.isArray(value) || value.length === 0) throw invalidField(path, "`in` takes a non-empty list of strings");
    return;
  }
  if (NUMERIC_OPERATORS.has(operator)) {
    if (typeof value !== "number" || !Number.isFinite(value)) throw invalidField(path, `\`${operator}\` takes a number`);
    return;
  }
  if (Array.isArray(value)) throw invalidField(path, `\`${operator}\` takes one value; use \`in\` for a list`);
  // `equals` also takes a number (seats = 50); `contains` and `matches` work on text.
  if (operator === "equals" && typeof value === "number") return;
  if (typeof value !== "string" || value.trim() === "") throw invalidField(path, `\`${operator}\` takes a non-empty string`);
  if (operator === "matches" && safeRegExp(value) === null) throw invalidField(path, "must be a valid regular expression");
}

/**
 * Checks a rule's conditions: a field routing can read, and a value of the kind its operator
 * compares (a list for `in`, a number for gt/gte/lt/lte, a compilable pattern for `matches`).
 */
export function checkRoutingConditions(conditions: RoutingCondition[], path = "conditions"): void {
  if (conditions.length > MAX_RULE_CONDITIONS) throw invalidField(path, `must have at most ${MAX_RULE_CONDITIONS} conditions`);
  conditions.forEach((condition, index) => checkRoutingCondition(condition, `${path}.${index}`));
}

/**
 * Checks one condition, naming `<path>.field` or `<path>.value`. `extraFields` are fields the
 * caller's facts add to a lead's own (scoring adds `qualification.<criterion>`).
 */
export function checkRoutingCondition(condition: RoutingCondition, path: string, extraFields: readonly string[] = []): void {
  checkConditionField(condition.field, `${path}.field`, extraFields);
  checkConditionValue(condition, `${path}.value`);
}

/** Checks a pool's shape: at least one person, nobody twice. Whether they are active users is the service's check. */
export function checkRoutingTarget(target: RoutingTarget, path = "target"): void {
  if (target.userIds.length === 0) throw invalidField(`${path}.userIds`, "must name at least one person");
  if (target.userIds.length > MAX_POOL_MEMBERS) throw invalidField(`${path}.userIds`, `must name at most ${MAX_POOL_MEMBERS} people`);
  const seen = new Set<string>();
  target.userIds.forEach((userId, index) => {
    if (seen.has(userId)) throw invalidField(`${path}.userIds.${index}`, `${userId} is already in the pool`);
    seen.add(userId);
  });
}
