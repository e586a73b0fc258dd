import type { RoutingCondition } from "../routing/routing-rule.js";

/** Score bands, best first. A lead's bucket is the first whose threshold its score reaches. */
export type Bucket = "hot" | "warm" | "cold" | "unqualified";

export const BUCKETS: readonly Bucket[] = ["hot", "warm", "cold", "unqualified"];

/** How ready to buy a lead looks from its score and its own recent actions. */
export type IntentLevel = "high" | "medium" | "low";

export const INTENT_LEVELS: readonly IntentLevel[] = ["high", "medium", "low"];

/**
 * Points for who the lead is. The condition is a routing condition over the lead's facts
 * (`title`, `country`, `emailDomain`, `custom.<name>`…) plus `qualification.<criterion>`,
 * whose value is the answer (`yes`, `no`, `unknown`).
 */
export type FitRule = { id: string; label: string; condition: RoutingCondition; points: number };

/** Something the lead did that shows intent; read from its events. */
export type IntentSignalKind = "captured" | "page_view" | "content" | "replied" | "meeting_booked" | "meeting_held" | "inbound_touch";

export const INTENT_SIGNAL_KINDS: readonly IntentSignalKind[] = ["captured", "page_view", "content", "replied", "meeting_booked", "meeting_held", "inbound_touch"];

/**
 * Points for what the lead did, halving every `halfLifeDays`. `match` (case-insensitive
 * substring of any of the signal's details: a form key, source, campaign, URL or title) narrows
 * the signal; null takes every one. At most `maxCount` occurrences count, the most recent first.
 * An `isHighIntent` signal inside the high-intent window makes the lead's intent level high.
 */
export type IntentRule = {
  id: string;
  label: string;
  signal: IntentSignalKind;
  match: string | null;
  points: number;
  halfLifeDays: number;
  maxCount: number;
  isHighIntent: boolean;
};

/** Lowest score of each bucket; below `cold` a lead is unqualified. */
export type BucketThresholds = { hot: number; warm: number; cold: number };

/** Lowest intent part (0–100) of each intent level; below `medium` it is low. */
export type IntentLevelThresholds = { high: number; medium: number };

/** The workspace's scoring rules; stored in settings, changed only through the scoring service. */
export type ScoringConfig = {
  fitRules: FitRule[];
  intentRules: IntentRule[];
  buckets: BucketThresholds;
  intentLevels: IntentLevelThresholds;
  /** Share of the rule score that comes from fit (the rest from intent), in [0, 1]. */
  fitShare: number;
  /** Share of the live score taken from the model's probability when a model is in use, in [0, 1]. */
  modelWeight: number;
  /** How recent a high-intent action must be to make the intent level high. */
  highIntentWindowDays: number;
};

const fit = (id: string, label: string, condition: RoutingCondition, points: number): FitRule => ({ id, label, condition, points });
const intent = (id: string, label: string, signal: IntentSignalKind, match: string | null, points: number, halfLifeDays: number, maxCount: number, isHighIntent = false): IntentRule => ({
  id,
  label,
  signal,
  match,
  points,
  halfLifeDays,
  maxCount,
  isHighIntent,
});

/** Where a new workspace starts: common B2B judgement, meant to be edited. */
export const DEFAULT_SCORING_CONFIG: ScoringConfig = {
  fitRules: [
    fit("senior_title", "Senior title", { field: "title", operator: "matches", value: "\\b(vp|vice president|head|director|chief|c[etf]o|founder|owner|partner)\\b" }, 25),
    fit("manager_title", "Manager title", { field: "title", operator: "matches", value: "\\b(manager|lead)\\b" }, 10),
    fit("company_50_plus", "Company of 50+ people", { field: "custom.employees", operator: "gte", value: 50 }, 15),
    fit("budget_confirmed", "Budget confirmed", { field: "qualification.budget", operator: "equals", value: "yes" }, 20),
    fit("authority_confirmed", "Decision maker confirmed", { field: "qualification.authority", operator: "equals", value: "yes" }, 15),
    fit("need_confirmed", "Need confirmed", { field: "qualification.need", operator: "equals", value: "yes" }, 10),
    fit("timeline_confirmed", "Timeline confirmed", { field: "qualification.timeline", operator: "equals", value: "yes" }, 10),
    fit("personal_email", "Personal email address", { field: "emailDomain", operator: "in", value: ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com"] }, -10),
  ],
  intentRules: [
    intent("asked_for_demo", "Asked for a demo", "captured", "demo", 45, 30, 1, true),
    intent("newsletter_signup", "Signed up for the newsletter", "captured", "newsletter", 5, 30, 1),
    intent("pricing_visit", "Visited the pricing page", "page_view", "pricing", 15, 7, 3, true),
    intent("page_view", "Visited the website", "page_view", null, 2, 7, 10),
    intent("content_engaged", "Read content", "content", null, 6, 14, 3),
    intent("replied", "Replied", "replied", null, 20, 14, 2),
    intent("meeting_booked", "Booked a meeting", "meeting_booked", null, 35, 30, 1, true),
    intent("meeting_held", "Attended a meeting", "meeting_held", null, 20, 60, 2),
    intent("called_in", "Called or wrote in", "inbound_touch", null, 10, 14, 3),
  ],
  buckets: { hot: 70, warm: 40, cold: 15 },
  intentLevels: { high: 55, medium: 20 },
  fitShare: 0.5,
  modelWeight: 0.5,
  highIntentWindowDays: 14,
};
