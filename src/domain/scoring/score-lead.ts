import type { Lead } from "../lead/lead.js";
import { leadFacts } from "../routing/lead-facts.js";
import { conditionHolds } from "../routing/match-conditions.js";
import type { LeadFacts } from "../routing/routing-rule.js";
import { fitWords, intentWords } from "./contribution-words.js";
import { intentLevelOf } from "./intent-level.js";
import { intentRuleMatches } from "./intent-points.js";
import type { IntentSignal } from "./intent-signals.js";
import type { Bucket, BucketThresholds, IntentLevel, ScoringConfig } from "./scoring-config.js";

/**
 * Why a score is what it is: one matched rule (or model feature). `points` are the rule's points,
 * decayed for intent, before the fit/intent shares are applied; `words` say it to a sales manager.
 */
export type ScoreContribution = { ruleId: string; part: "fit" | "intent" | "model"; label: string; points: number; words: string };

/** What the trained model thinks of the lead: a win probability and its own worded contributions. */
export type ModelOpinion = { version: number; probability: number; contributions: ScoreContribution[] };

/** A lead's score, its parts (integers 0–100) and the reasons for it. */
export type LeadScore = {
  /** The rule score, blended with the model by `modelWeight` when a model opinion is given. */
  score: number;
  fitScore: number;
  intentScore: number;
  ruleScore: number;
  modelProbability: number | null;
  modelVersion: number | null;
  bucket: Bucket;
  intentLevel: IntentLevel;
  /** Largest |points| first. */
  contributions: ScoreContribution[];
  /** The top three contributions in words. */
  explanation: string[];
};

/** A score's numbers and levels, without the reasons for it. */
export type ScoreParts = Omit<LeadScore, "contributions" | "explanation">;

/** The numbers and levels of a score, in the order stored events list them. */
export function scorePartsOf(score: LeadScore): ScoreParts {
  const { score: total, fitScore, intentScore, ruleScore, modelProbability, modelVersion, bucket, intentLevel } = score;
  return { score: total, fitScore, intentScore, ruleScore, modelProbability, modelVersion, bucket, intentLevel };
}

/** How many contributions the explanation names. */
const EXPLANATION_LENGTH = 3;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** An integer from 0 to 100; only the reported numbers are rounded, the arithmetic is not. */
const wholeScore = (value: number): number => clamp(Math.round(value), 0, 100);

const sumOf = (contributions: readonly ScoreContribution[]): number => contributions.reduce((total, contribution) => total + contribution.points, 0);

/** What fit rules test: the lead's routing facts plus `qualification.<criterion>` = the answer (`yes`, `no`, `unknown`). */
export function scoringFacts(lead: Lead, answers: readonly { criterion: string; answer: string }[]): LeadFacts {
  const facts = leadFacts(lead);
  for (const { criterion, answer } of answers) facts[`qualification.${criterion}`] = answer;
  return facts;
}

/** The bucket a score falls in: the first threshold, from hot down, that it reaches. */
export function bucketOf(score: number, thresholds: BucketThresholds): Bucket {
  if (score >= thresholds.hot) return "hot";
  if (score >= thresholds.warm) return "warm";
  if (score >= thresholds.cold) return "cold";
  return "unqualified";
}

/**
 * Scores a lead at `now`. Fit is the sum of the matched fit rules' points and intent the sum of
 * each intent rule's decayed points over its most recent `maxCount` signals, each clamped to
 * 0–100. The rule score weighs them by `fitShare`; a model opinion then takes `modelWeight` of
 * the score as 100 × its probability.
 */
export function scoreLead(config: ScoringConfig, input: { facts: LeadFacts; signals: readonly IntentSignal[]; now: number; model: ModelOpinion | null }): LeadScore {
  const { facts, signals, now, model } = input;
  const fitContributions = config.fitRules
    .filter((rule) => conditionHolds(rule.condition, facts))
    .map((rule): ScoreContribution => ({ ruleId: rule.id, part: "fit", label: rule.label, points: rule.points, words: fitWords(rule, facts) }));
  const matches = intentRuleMatches(config.intentRules, signals, now);
  const intentContributions = matches.map(
    (match): ScoreContribution => ({ ruleId: match.rule.id, part: "intent", label: match.rule.label, points: match.points, words: intentWords(match, now) }),
  );
  const fit = clamp(sumOf(fitContributions), 0, 100);
  const intent = clamp(sumOf(intentContributions), 0, 100);
  const ruleScore = config.fitShare * fit + (1 - config.fitShare) * intent;
  const score = model === null ? ruleScore : (1 - config.modelWeight) * ruleScore + config.modelWeight * 100 * model.probability;
  // Ranked by how far each moves the final score: rule points weighed by their part's share (and
  // the rules' share beside a model); model contributions arrive in score points. A stable sort
  // keeps rule order among equals: fit before intent before model.
  const rulesShare = model === null ? 1 : 1 - config.modelWeight;
  const shareOf = { fit: config.fitShare * rulesShare, intent: (1 - config.fitShare) * rulesShare, model: 1 };
  const weight = (contribution: ScoreContribution) => Math.abs(contribution.points) * shareOf[contribution.part];
  const contributions = [...fitContributions, ...intentContributions, ...(model?.contributions ?? [])].sort((a, b) => weight(b) - weight(a));
  const intentScore = wholeScore(intent);
  return {
    score: wholeScore(score),
    fitScore: wholeScore(fit),
    intentScore,
    ruleScore: wholeScore(ruleScore),
    modelProbability: model?.probability ?? null,
    modelVersion: model?.version ?? null,
    bucket: bucketOf(wholeScore(score), config.buckets),
    intentLevel: intentLevelOf(config, { intentScore, signals, matches, now }),
    contributions,
    explanation: contributions.slice(0, EXPLANATION_LENGTH).map((contribution) => contribution.words),
  };
}
