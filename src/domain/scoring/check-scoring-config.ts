import { invalidField } from "../errors.js";
import { objectField, objectList, optionalFlag, optionalText, type PayloadObject, payloadRoot, requiredText } from "../meetings/payload-fields.js";
import { checkRoutingCondition } from "../routing/check-routing-rule.js";
import { CONDITION_OPERATORS, type ConditionOperator, type RoutingCondition } from "../routing/routing-rule.js";
import { type FitRule, INTENT_SIGNAL_KINDS, type IntentRule, type IntentSignalKind, type ScoringConfig } from "./scoring-config.js";

/** More rules of one kind than this is a model nobody can explain (and every rescore runs them all). */
export const MAX_SCORING_RULES = 50;

/** Ten years: a slower decay is no decay. */
export const MAX_HALF_LIFE_DAYS = 3650;

export const MAX_RULE_COUNT = 100;
export const MAX_LABEL_LENGTH = 80;
export const MAX_MATCH_LENGTH = 200;
export const MAX_HIGH_INTENT_WINDOW_DAYS = 365;

/** Rule ids are stable keys in stored scores and contributions: lower-case words joined by `_` or `-`. */
const RULE_ID_PATTERN = /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/;
const MAX_RULE_ID_LENGTH = 60;

const CONFIG_FIELDS = ["fitRules", "intentRules", "buckets", "intentLevels", "fitShare", "modelWeight", "highIntentWindowDays"];
const FIT_RULE_FIELDS = ["id", "label", "condition", "points"];
const INTENT_RULE_FIELDS = ["id", "label", "signal", "match", "points", "halfLifeDays", "maxCount", "isHighIntent"];
const CONDITION_FIELDS = ["field", "operator", "value"];

const fieldPath = (parent: PayloadObject, key: string): string => (parent.path === "" ? key : `${parent.path}.${key}`);

/** A setting nobody reads is a typo that would silently do nothing. */
function rejectUnknownFields(parent: PayloadObject, known: readonly string[]): void {
  const unknown = Object.keys(parent.value).find((key) => !known.includes(key));
  if (unknown !== undefined) throw invalidField(fieldPath(parent, unknown), `is not a scoring setting; expected ${known.join(", ")}`);
}

function numberField(parent: PayloadObject, key: string): number {
  const value = parent.value[key];
  if (typeof value !== "number" || !Number.isFinite(value)) throw invalidField(fieldPath(parent, key), "must be a number");
  return value;
}

/** A number within a range; `min` itself is allowed unless `isMinExcluded` (half-lives and thresholds must be above 0). */
function numberIn(parent: PayloadObject, key: string, range: { min: number; max: number; isInteger: boolean; isMinExcluded?: boolean }): number {
  const value = numberField(parent, key);
  const isBelow = range.isMinExcluded ? value <= range.min : value < range.min;
  if (isBelow || value > range.max || (range.isInteger && !Number.isInteger(value))) {
    const bounds = range.isMinExcluded ? `above ${range.min} and at most ${range.max}` : `from ${range.min} to ${range.max}`;
    throw invalidField(fieldPath(parent, key), `must be ${range.isInteger ? "a whole number" : "a number"} ${bounds}`);
  }
  return value;
}

function ruleText(rule: PayloadObject, key: string, maxLength: number): string {
  const text = requiredText(rule, key);
  if (text.length > maxLength) throw invalidField(`${rule.path}.${key}`, `must be at most ${maxLength} characters`);
  return text;
}

function ruleId(rule: PayloadObject, seen: Set<string>): string {
  const id = ruleText(rule, "id", MAX_RULE_ID_LENGTH);
  if (!RULE_ID_PATTERN.test(id)) throw invalidField(`${rule.path}.id`, "must be lower-case letters and digits, words joined by _ or -");
  if (seen.has(id)) throw invalidField(`${rule.path}.id`, `${id} is already the id of another rule`);
  seen.add(id);
  return id;
}

function conditionValue(condition: PayloadObject): RoutingCondition["value"] {
  const value = condition.value.value;
  const isTextList = Array.isArray(value) && value.every((item) => typeof item === "string");
  if (typeof value === "string" || typeof value === "number" || isTextList) return value;
  throw invalidField(`${condition.path}.value`, "must be a string, a number or a list of strings");
}

function fitCondition(rule: PayloadObject, qualificationFields: readonly string[]): RoutingCondition {
  const condition = objectField(rule, "condition");
  rejectUnknownFields(condition, CONDITION_FIELDS);
  const operator = requiredText(condition, "operator");
  if (!(CONDITION_OPERATORS as readonly string[]).includes(operator)) throw invalidField(`${condition.path}.operator`, `must be one of ${CONDITION_OPERATORS.join(", ")}`);
  const checked: RoutingCondition = { field: requiredText(condition, "field"), operator: operator as ConditionOperator, value: conditionValue(condition) };
  checkRoutingCondition(checked, condition.path, qualificationFields);
  return checked;
}

const points = (rule: PayloadObject): number => numberIn(rule, "points", { min: -100, max: 100, isInteger: true });

function rules(root: PayloadObject, key: string): PayloadObject[] {
  const list = objectList(root, key);
  if (list.length > MAX_SCORING_RULES) throw invalidField(key, `must have at most ${MAX_SCORING_RULES} rules`);
  return list;
}

function fitRule(rule: PayloadObject, seen: Set<string>, qualificationFields: readonly string[]): FitRule {
  rejectUnknownFields(rule, FIT_RULE_FIELDS);
  return { id: ruleId(rule, seen), label: ruleText(rule, "label", MAX_LABEL_LENGTH), condition: fitCondition(rule, qualificationFields), points: points(rule) };
}

function intentRule(rule: PayloadObject, seen: Set<string>): IntentRule {
  rejectUnknownFields(rule, INTENT_RULE_FIELDS);
  const id = ruleId(rule, seen);
  const label = ruleText(rule, "label", MAX_LABEL_LENGTH);
  const signal = requiredText(rule, "signal");
  if (!(INTENT_SIGNAL_KINDS as readonly string[]).includes(signal)) throw invalidField(`${rule.path}.signal`, `must be one of ${INTENT_SIGNAL_KINDS.join(", ")}`);
  const match = optionalText(rule, "match");
  if (match !== null && match.length > MAX_MATCH_LENGTH) throw invalidField(`${rule.path}.match`, `must be at most ${MAX_MATCH_LENGTH} characters`);
  return {
    id,
    label,
    signal: signal as IntentSignalKind,
    match,
    points: points(rule),
    halfLifeDays: numberIn(rule, "halfLifeDays", { min: 0, max: MAX_HALF_LIFE_DAYS, isInteger: false, isMinExcluded: true }),
    maxCount: numberIn(rule, "maxCount", { min: 1, max: MAX_RULE_COUNT, isInteger: true }),
    isHighIntent: optionalFlag(rule, "isHighIntent"),
  };
}

/** Whole-number thresholds that rise strictly in `order`, the first above 0 and the last at most 100. */
function risingThresholds<Key extends string>(root: PayloadObject, key: string, order: readonly Key[]): Record<Key, number> {
  const thresholds = objectField(root, key);
  rejectUnknownFields(thresholds, order);
  const values = {} as Record<Key, number>;
  order.forEach((name, index) => {
    const value = numberIn(thresholds, name, { min: 0, max: 100, isInteger: true, isMinExcluded: true });
    const below = order[index - 1];
    if (below !== undefined && value <= values[below]) throw invalidField(fieldPath(thresholds, name), `must be above ${below} (${values[below]})`);
    values[name] = value;
  });
  return values;
}

/**
 * Checks a scoring configuration sent as JSON and returns it typed. Every refusal names its field
 * (`fitRules.2.condition.field`, `intentRules.0.halfLifeDays`, `buckets.warm`). Fit conditions may
 * test `qualification.<criterion>` for the workspace's criteria keys besides the routing fields.
 */
export function checkScoringConfig(input: unknown, criteriaKeys: readonly string[]): ScoringConfig {
  const root = payloadRoot(input);
  rejectUnknownFields(root, CONFIG_FIELDS);
  const seen = new Set<string>();
  const qualificationFields = criteriaKeys.map((key) => `qualification.${key}`);
  return {
    fitRules: rules(root, "fitRules").map((rule) => fitRule(rule, seen, qualificationFields)),
    intentRules: rules(root, "intentRules").map((rule) => intentRule(rule, seen)),
    buckets: risingThresholds(root, "buckets", ["cold", "warm", "hot"]),
    intentLevels: risingThresholds(root, "intentLevels", ["medium", "high"]),
    fitShare: numberIn(root, "fitShare", { min: 0, max: 1, isInteger: false }),
    modelWeight: numberIn(root, "modelWeight", { min: 0, max: 1, isInteger: false }),
    highIntentWindowDays: numberIn(root, "highIntentWindowDays", { min: 1, max: MAX_HIGH_INTENT_WINDOW_DAYS, isInteger: true }),
  };
}
