import { Type } from "typebox";
import { CONDITION_OPERATORS } from "../../../domain/routing/routing-rule.js";
import { BUCKETS, INTENT_LEVELS, INTENT_SIGNAL_KINDS } from "../../../domain/scoring/scoring-config.js";
import { PREVIEW_MAX_LEADS } from "../../../services/scoring/preview-scoring.js";
import { IsoInstant } from "../../instants.js";
import { Nullable } from "../../nullable.js";
import { ConditionValueInput, ConditionValueOutput } from "../routing/routing-rules.schemas.js";

const ruleId = Type.String({ minLength: 1, maxLength: 60, description: "Stable identifier: letters, digits, _ and -; unique among the rules of its kind." });
const label = Type.String({ minLength: 1, maxLength: 80, description: "How the rule reads in score explanations." });
const points = Type.Integer({ minimum: -100, maximum: 100 });

const fitRuleOf = (value: typeof ConditionValueInput | typeof ConditionValueOutput) => Type.Object(
  {
    id: ruleId,
    label,
    condition: Type.Object(
      {
        field: Type.String({ minLength: 1, maxLength: 100, description: "A lead field (`title`, `country`, `emailDomain`, `source`…), `custom.<name>`, or `qualification.<criterion>` (its answer: yes, no, unknown)." }),
        operator: Type.Enum(CONDITION_OPERATORS),
        value,
      },
      { additionalProperties: false },
    ),
    points,
  },
  { additionalProperties: false, description: "Points for who the lead is." },
);

const IntentRuleSchema = Type.Object(
  {
    id: ruleId,
    label,
    signal: Type.Enum(INTENT_SIGNAL_KINDS, { description: "What the lead did: captured (a form or source), page_view, content, replied, meeting_booked, meeting_held, inbound_touch." }),
    match: Nullable(Type.String({ minLength: 1, maxLength: 200 }), "Case-insensitive text the signal's form key, source, campaign, URL or title must contain; null: every signal of the kind."),
    points,
    halfLifeDays: Type.Number({ exclusiveMinimum: 0, maximum: 3650, description: "The points halve every this many days." }),
    maxCount: Type.Integer({ minimum: 1, maximum: 100, description: "At most this many occurrences count, the most recent first." }),
    isHighIntent: Type.Boolean({ description: "Within the high-intent window, this action alone makes the intent level high." }),
  },
  { additionalProperties: false, description: "Points for what the lead did, decaying by half-life." },
);

const scoringConfigOf = (value: typeof ConditionValueInput | typeof ConditionValueOutput) => Type.Object(
  {
    fitRules: Type.Array(fitRuleOf(value), { maxItems: 50 }),
    intentRules: Type.Array(IntentRuleSchema, { maxItems: 50 }),
    buckets: Type.Object({ hot: Type.Integer(), warm: Type.Integer(), cold: Type.Integer() }, { additionalProperties: false, description: "Lowest score of each bucket: 0 < cold < warm < hot ≤ 100; below cold: unqualified." }),
    intentLevels: Type.Object({ high: Type.Integer(), medium: Type.Integer() }, { additionalProperties: false, description: "Lowest intent part of each level: 0 < medium < high ≤ 100." }),
    fitShare: Type.Number({ minimum: 0, maximum: 1, description: "Share of the rule score from fit; the rest from intent." }),
    modelWeight: Type.Number({ minimum: 0, maximum: 1, description: "Share of the live score from the learned model's probability, once a model is trained." }),
    highIntentWindowDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);

export const ScoringConfigBody = scoringConfigOf(ConditionValueInput);

export const ScoringConfigDto = Type.Intersect([
  scoringConfigOf(ConditionValueOutput),
  Type.Object({ criteria: Type.Array(Type.Object({ key: Type.String(), label: Type.String() }), { description: "Qualification criteria fit rules can read as `qualification.<key>`." }) }),
]);

const ContributionDto = Type.Object({
  ruleId: Type.String(),
  part: Type.Enum(["fit", "intent", "model"]),
  label: Type.String(),
  points: Type.Number({ description: "fit and intent: the rule's points (decayed, for intent) before the fit/intent shares apply; model: score points. Contributions are listed by how far each moves the score." }),
  words: Type.String(),
});

const scoreParts = {
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  fitScore: Type.Integer({ minimum: 0, maximum: 100 }),
  intentScore: Type.Integer({ minimum: 0, maximum: 100 }),
  ruleScore: Type.Integer({ minimum: 0, maximum: 100 }),
  modelProbability: Nullable(Type.Number()),
  modelVersion: Nullable(Type.Integer()),
  bucket: Type.Enum(BUCKETS),
  intentLevel: Type.Enum(INTENT_LEVELS),
  contributions: Type.Array(ContributionDto),
};

export const LeadScoreDto = Type.Object({ ...scoreParts, explanation: Type.Array(Type.String()), scoredAt: IsoInstant() });

export const PreviewScoreDto = Type.Object({ ...scoreParts, explanation: Type.Array(Type.String()) });

export const ScoringPreviewBody = Type.Object(
  {
    config: ScoringConfigBody,
    leadIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: PREVIEW_MAX_LEADS, description: "Leads to preview; default: the 10 most recent open leads." })),
  },
  { additionalProperties: false },
);

export const ScoringPreviewResponse = Type.Object({
  items: Type.Array(
    Type.Object({ leadId: Type.String(), name: Type.String(), company: Nullable(Type.String()), current: Nullable(LeadScoreDto), preview: PreviewScoreDto }),
  ),
});

export const LeadScoreResponse = Type.Object({
  current: Nullable(LeadScoreDto),
  playbook: Nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      intentLevel: Type.Enum(INTENT_LEVELS),
      source: Nullable(Type.String()),
      stageGuidance: Nullable(Type.String()),
      reason: Type.String(),
      appliedAt: IsoInstant(),
    }),
  ),
  history: Type.Array(Type.Object({ at: IsoInstant(), score: Type.Integer(), bucket: Type.Enum(BUCKETS), intentLevel: Type.Enum(INTENT_LEVELS) })),
});
