import type { FitRule, IntentRule, IntentSignalKind, ScoringConfig } from "../../../api/scoring.js";
import { type ConditionDraft, conditionOfDraft, textOfValue } from "../routing/condition-text.js";
import { keyFromLabel } from "../pipeline/pipeline-draft.js";

/** A fit rule as the editor holds it: the condition's value and the points as typed. */
export type FitRuleDraft = { id: string; label: string; condition: ConditionDraft; points: string };

/** An intent rule as the editor holds it: numbers as typed, no match as "". */
export type IntentRuleDraft = { id: string; label: string; signal: IntentSignalKind; match: string; points: string; halfLifeDays: string; maxCount: string; isHighIntent: boolean };

/**
 * The scoring rules being edited. Numbers stay text while typed (a box may be empty or hold "-"
 * on the way to "-10"); the two shares are percentages. New rules have an empty id until sent.
 */
export type ScoringDraft = {
  fitRules: FitRuleDraft[];
  intentRules: IntentRuleDraft[];
  buckets: { hot: string; warm: string; cold: string };
  intentLevels: { high: string; medium: string };
  fitSharePercent: string;
  modelWeightPercent: string;
  highIntentWindowDays: string;
};

const percentOf = (share: number) => String(Math.round(share * 1000) / 10);

/**
 * A number box's text as a number; an empty or unreadable box is NaN, which JSON sends as null
 * and the API refuses naming the box, so the message lands beside it.
 */
export function numberOfText(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/** The saved rules as the editor shows them. */
export function draftOf(config: ScoringConfig): ScoringDraft {
  return {
    fitRules: config.fitRules.map(({ id, label, condition, points }) => ({ id, label, condition: { field: condition.field, operator: condition.operator, text: textOfValue(condition.value) }, points: String(points) })),
    intentRules: config.intentRules.map((rule) => ({
      ...rule,
      match: rule.match ?? "",
      points: String(rule.points),
      halfLifeDays: String(rule.halfLifeDays),
      maxCount: String(rule.maxCount),
    })),
    buckets: { hot: String(config.buckets.hot), warm: String(config.buckets.warm), cold: String(config.buckets.cold) },
    intentLevels: { high: String(config.intentLevels.high), medium: String(config.intentLevels.medium) },
    fitSharePercent: percentOf(config.fitShare),
    modelWeightPercent: percentOf(config.modelWeight),
    highIntentWindowDays: String(config.highIntentWindowDays),
  };
}

/** Gives each new rule an id from its label, unique across both lists; ids already saved stay (scores name them). */
function withRuleIds<T extends { id: string; label: string }>(rules: readonly T[], taken: string[]): T[] {
  return rules.map((rule) => {
    if (rule.id) return rule;
    const id = keyFromLabel(rule.label, taken, "rule");
    taken.push(id);
    return { ...rule, id };
  });
}

/** The rules as the API takes them, for a save or a preview. */
export function configOfDraft(draft: ScoringDraft): ScoringConfig {
  const taken = [...draft.fitRules, ...draft.intentRules].map((rule) => rule.id).filter(Boolean);
  const fitRules: FitRule[] = withRuleIds(draft.fitRules, taken).map((rule) => ({ id: rule.id, label: rule.label.trim(), condition: conditionOfDraft(rule.condition), points: numberOfText(rule.points) }));
  const intentRules: IntentRule[] = withRuleIds(draft.intentRules, taken).map((rule) => ({
    id: rule.id,
    label: rule.label.trim(),
    signal: rule.signal,
    match: rule.match.trim() === "" ? null : rule.match.trim(),
    points: numberOfText(rule.points),
    halfLifeDays: numberOfText(rule.halfLifeDays),
    maxCount: numberOfText(rule.maxCount),
    isHighIntent: rule.isHighIntent,
  }));
  const share = (percent: string) => Math.round(numberOfText(percent) * 10) / 1000;
  return {
    fitRules,
    intentRules,
    buckets: { hot: numberOfText(draft.buckets.hot), warm: numberOfText(draft.buckets.warm), cold: numberOfText(draft.buckets.cold) },
    intentLevels: { high: numberOfText(draft.intentLevels.high), medium: numberOfText(draft.intentLevels.medium) },
    fitShare: share(draft.fitSharePercent),
    modelWeight: share(draft.modelWeightPercent),
    highIntentWindowDays: numberOfText(draft.highIntentWindowDays),
  };
}

/** A new fit rule: a title test worth 10 points. */
export function blankFitRule(): FitRuleDraft {
  return { id: "", label: "", condition: { field: "title", operator: "contains", text: "" }, points: "10" };
}

/** A new intent rule: any page view, worth 5 points, halving weekly, counted up to 3 times. */
export function blankIntentRule(): IntentRuleDraft {
  return { id: "", label: "", signal: "page_view", match: "", points: "5", halfLifeDays: "7", maxCount: "3", isHighIntent: false };
}

const LIST_NAMES: Record<string, string> = { fitRules: "Fit rule", intentRules: "Intent rule" };

const FIELD_NAMES: Record<string, string> = {
  label: "label",
  condition: "condition",
  field: "field",
  operator: "operator",
  value: "value",
  points: "points",
  signal: "signal",
  match: "match",
  halfLifeDays: "half-life (days)",
  maxCount: "counted up to",
  isHighIntent: "high intent",
  fitRules: "Fit rules",
  intentRules: "Intent rules",
  buckets: "Buckets",
  hot: "hot from",
  warm: "warm from",
  cold: "cold from",
  intentLevels: "Intent levels",
  high: "high from",
  medium: "medium from",
  fitShare: "Fit share",
  modelWeight: "Model weight",
  highIntentWindowDays: "High-intent window (days)",
};

/** Where a field path points, in the editor's words: `fitRules.2.condition.value` → "Fit rule 3 (Senior title) › value". */
export function scoringFieldPlace(draft: ScoringDraft, field: string): string {
  const [list, index, ...rest] = field.split(".");
  const position = Number(index);
  const leaf = rest.filter((part) => part !== "condition").map((part) => FIELD_NAMES[part] ?? part);
  if (list !== undefined && list in LIST_NAMES && index !== undefined && Number.isInteger(position)) {
    const rules: { label: string }[] = list === "fitRules" ? draft.fitRules : draft.intentRules;
    const label = rules[position]?.label.trim();
    return [`${LIST_NAMES[list]} ${position + 1}${label ? ` (${label})` : ""}`, ...leaf].join(" › ");
  }
  return field
    .split(".")
    .map((part) => FIELD_NAMES[part] ?? part)
    .join(" › ");
}
