import type { Static } from "typebox";
import type { ScoringConfig } from "../../../src/domain/scoring/scoring-config.js";
import type { ModelPageResponse, ModelReportDto, TrainingResponse } from "../../../src/http/routes/scoring-model/scoring-model.schemas.js";
import type { LeadScoreDto, LeadScoreResponse, ScoringConfigDto, ScoringPreviewResponse } from "../../../src/http/routes/scoring/scoring.schemas.js";
import { apiRequest } from "./client.js";
import { leadPath } from "./leads.js";

export type { Bucket, BucketThresholds, FitRule, IntentLevel, IntentLevelThresholds, IntentRule, IntentSignalKind, ScoringConfig } from "../../../src/domain/scoring/scoring-config.js";
export { BUCKETS, INTENT_LEVELS, INTENT_SIGNAL_KINDS } from "../../../src/domain/scoring/scoring-config.js";

/** The scoring rules with the qualification criteria fit rules may test; typed from the scoring route's schema. */
export type ScoringConfigView = Static<typeof ScoringConfigDto>;

/** A lead's score: 0–100 with its fit and intent parts, bucket, intent level and why (`scoredAt` ISO 8601). */
export type LeadScore = Static<typeof LeadScoreDto>;

/** One rule's (or model feature's) share of a score, with the sentence that explains it; largest |points| first. */
export type ScoreContribution = LeadScore["contributions"][number];

/** A sample lead scored by the saved rules (null: never scored) and by the draft. */
export type ScorePreviewItem = Static<typeof ScoringPreviewResponse>["items"][number];

/** What the lead page shows: the current score, the playbook running and why, and the history, oldest first. */
export type LeadScoreView = Static<typeof LeadScoreResponse>;

/** One point of a lead's score history (`at` ISO 8601). */
export type ScoreHistoryPoint = LeadScoreView["history"][number];

/** The model page: readiness, the model in use with its report, monthly close rates and drift alerts; typed from the model route's schema. */
export type ModelView = Static<typeof ModelPageResponse>;

/** Whether there is enough closed history to train, and how much more is needed when not. */
export type ModelReadiness = ModelView["readiness"];

/** A trained model's cross-validated quality, its reliability table and its signals (strongest first) in words. */
export type ModelReport = Static<typeof ModelReportDto>;

/** Predictions between `from` and `to`: how many, their mean, and how often those leads were won. */
export type ReliabilityBin = ModelReport["reliability"][number];

/** Closed and won leads in one month (`YYYY-MM`), by bucket at close and by qualification criterion. */
export type MonthlyCloseRates = ModelView["monthly"][number];

/** A drift alert raised once (`detectedAt` ISO 8601). */
export type DriftAlert = ModelView["driftAlerts"][number];

const SCORING = "/api/v1/scoring";

/** The workspace's scoring rules, with the qualification criteria fit rules may test. */
export async function getScoringConfig(signal?: AbortSignal): Promise<ScoringConfigView> {
  return apiRequest<ScoringConfigView>(`${SCORING}/config`, { signal });
}

/** The rules as the API takes them: the criteria listed beside them stay behind. */
export function configOf(view: ScoringConfig): ScoringConfig {
  const { fitRules, intentRules, buckets, intentLevels, fitShare, modelWeight, highIntentWindowDays } = view;
  return { fitRules, intentRules, buckets, intentLevels, fitShare, modelWeight, highIntentWindowDays };
}

/** Replaces the rules as a whole; open leads are rescored in the background. A refusal names the field (`fitRules.2.points`). */
export async function saveScoringConfig(config: ScoringConfig): Promise<ScoringConfigView> {
  return apiRequest<ScoringConfigView>(`${SCORING}/config`, { method: "PUT", body: configOf(config) });
}

/** Scores sample leads (10 recent open ones unless named) by unsaved rules, beside their current score; nothing is written. */
export async function previewScoring(config: ScoringConfig, options: { leadIds?: string[]; signal?: AbortSignal } = {}): Promise<ScorePreviewItem[]> {
  const page = await apiRequest<{ items: ScorePreviewItem[] }>(`${SCORING}/preview`, { method: "POST", body: { config: configOf(config), leadIds: options.leadIds }, signal: options.signal });
  return page.items;
}

/** A lead's score with its explanation, the playbook running and the score history. */
export async function getLeadScore(leadId: string, signal?: AbortSignal): Promise<LeadScoreView> {
  return apiRequest<LeadScoreView>(`${leadPath(leadId)}/score`, { signal });
}

/** The learned model: readiness, the current report, monthly close rates and drift alerts. */
export async function getScoringModel(signal?: AbortSignal): Promise<ModelView> {
  return apiRequest<ModelView>(`${SCORING}/model`, { signal });
}

/** Trains a new model version on the closed leads; a 409 (insufficient_history) carries the readiness message. */
export async function trainScoringModel(): Promise<Static<typeof TrainingResponse>> {
  return apiRequest<Static<typeof TrainingResponse>>(`${SCORING}/model/train`, { method: "POST" });
}
