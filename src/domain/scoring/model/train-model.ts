import { invalidField } from "../../errors.js";
import { outOfFoldProbabilities, stratifiedFolds } from "./cross-validate.js";
import { type RecordEncoder, encodeRecords, encodedFeaturesOf, recordEncoder } from "./feature-encoding.js";
import { type FeatureSpec, type SkippedColumn, detectFeatureSpec } from "./feature-spec.js";
import { type FeatureRecord, columnValue, isMissing, numberOf, textOf } from "./feature-values.js";
import { fitLogisticRegression, sigmoid } from "./logistic-regression.js";
import { type ReliabilityBin, areaUnderCurve, brierScore, expectedCalibrationError, reliabilityTable } from "./model-metrics.js";
import { type ModelSignal, formatAmount, modelSignals, oddsWords } from "./model-words.js";

/**
 * A fitted model, JSON-serialisable: the spec encodes a record into inputs named
 * `featureNames`, and log-odds of winning = `intercept + Σ weights[j] · input[j]`.
 */
export type TrainedModel = { spec: FeatureSpec; featureNames: string[]; intercept: number; weights: number[] };

/**
 * How well the model did on leads it had not seen (cross-validated): `auc` ranks (0.5 is a coin
 * toss, 1 perfect), `brier` and `expectedCalibrationError` measure how true the probabilities
 * are; `closed` rows of which `wins` won; the weights in words, strongest first.
 */
export type ModelReport = {
  auc: number;
  brier: number;
  expectedCalibrationError: number;
  reliability: ReliabilityBin[];
  folds: number;
  closed: number;
  wins: number;
  signals: ModelSignal[];
  skipped: SkippedColumn[];
};

/** Cross-validation folds unless told otherwise. */
export const DEFAULT_FOLDS = 5;

export type TrainModelOptions = {
  /** Cross-validation folds (default DEFAULT_FOLDS). */
  folds?: number;
  /** Ridge penalty on standardised inputs (default 1: negligible at 10,000 rows, a gentle pull towards 0 at 200). */
  l2?: number;
  /** Seed of the fold shuffle (default 1): the same data and seed give the same report. */
  seed?: number;
  /** The spec `detectFeatureSpec(records)` gave, when the caller already has it (saves detecting it again). */
  spec?: FeatureSpec;
};

/** Each fold must hold wins and losses to be scored; two of each per fold is the least that does. */
const MIN_PER_CLASS_PER_FOLD = 2;

/**
 * Why the outcomes cannot be cross-validated in `folds` folds, in words, or null when they can:
 * it needs two wins and two losses per fold.
 */
export function crossValidationShortfall(wins: number, losses: number, folds: number): string | null {
  if (wins + losses === 0) return "there are no rows to learn from";
  if (wins === 0 || losses === 0) return `every row is a ${wins === 0 ? "loss" : "win"}; the model needs both wins and losses`;
  const needed = MIN_PER_CLASS_PER_FOLD * folds;
  if (wins >= needed && losses >= needed) return null;
  return `too few rows: cross-validating in ${folds} folds needs at least ${needed} wins and ${needed} losses; there are ${wins} wins and ${losses} losses`;
}

/**
 * Learns the odds of winning from closed leads: detects the feature spec, reports AUC, Brier
 * score and calibration from cross-validated (out-of-fold) predictions, then fits the model
 * on all rows. Throws `invalid` naming `outcomes` when they cannot be cross-validated.
 */
export function trainModel(records: readonly FeatureRecord[], outcomes: readonly boolean[], options: TrainModelOptions = {}): { model: TrainedModel; report: ModelReport } {
  const { folds = DEFAULT_FOLDS, l2 = 1, seed = 1 } = options;
  if (records.length !== outcomes.length) throw invalidField("outcomes", `has ${outcomes.length} outcomes for ${records.length} records`);
  const wins = outcomes.filter(Boolean).length;
  const shortfall = crossValidationShortfall(wins, outcomes.length - wins, folds);
  if (shortfall !== null) throw invalidField("outcomes", shortfall);
  const spec = options.spec ?? detectFeatureSpec(records);
  const x = encodeRecords(spec, records);
  const won = Uint8Array.from(outcomes, Number);
  const fit = fitLogisticRegression(x, won, { l2 });
  const predictions = outOfFoldProbabilities(x, won, stratifiedFolds(outcomes, folds, seed), { folds, l2, fullFit: fit });
  const model: TrainedModel = { spec, featureNames: encodedFeaturesOf(spec).map((feature) => feature.name), intercept: fit.intercept, weights: Array.from(fit.weights) };
  const reliability = reliabilityTable(predictions, outcomes);
  const report: ModelReport = {
    auc: areaUnderCurve(predictions, outcomes),
    brier: brierScore(predictions, outcomes),
    expectedCalibrationError: expectedCalibrationError(reliability),
    reliability,
    folds,
    closed: outcomes.length,
    wins,
    signals: modelSignals(model),
    skipped: spec.skipped,
  };
  return { model, report };
}

/**
 * What one column of the lead did to the model's log-odds (`points`), relative to the
 * baseline lead: average numbers, "no" answers and each column's most common value.
 */
export type ModelContribution = { feature: string; points: number; words: string };

/** Compiled encoders by spec: rescoring a million leads must not rebuild the level maps per lead. */
const encoders = new WeakMap<FeatureSpec, RecordEncoder>();

function encoderOf(spec: FeatureSpec): RecordEncoder {
  let encoder = encoders.get(spec);
  if (!encoder) encoders.set(spec, (encoder = recordEncoder(spec)));
  return encoder;
}

/**
 * The model's win probability for one lead, and each column's contribution in words
 * ("Source is Referral: raises the odds of winning ×2.3"), largest |points| first; columns
 * at the baseline contribute nothing and are left out.
 */
export function modelOpinionOf(model: TrainedModel, record: FeatureRecord): { probability: number; contributions: ModelContribution[] } {
  const encoder = encoderOf(model.spec);
  const inputs = new Float64Array(encoder.features.length);
  encoder.encode(record, inputs, 0);
  const pointsByColumn = new Map<string, number>();
  let logOdds = model.intercept;
  encoder.features.forEach((feature, j) => {
    const points = model.weights[j]! * inputs[j]!;
    logOdds += points;
    pointsByColumn.set(feature.column, (pointsByColumn.get(feature.column) ?? 0) + points);
  });
  const contributions = [...pointsByColumn]
    .filter(([, points]) => points !== 0)
    .map(([column, points]) => ({ feature: column, points, words: `${valueWords(model.spec, column, record)}: ${oddsWords(points)}` }))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return { probability: sigmoid(logOdds), contributions };
}

/** "Employees is 500 (average 120)", "Source is Referral", "Budget is missing". */
function valueWords(spec: FeatureSpec, column: string, record: FeatureRecord): string {
  const value = columnValue(record, column);
  if (isMissing(value)) return `${column} is missing`;
  const numeric = spec.columns.find((candidate) => candidate.column === column && candidate.kind === "numeric");
  const number = numberOf(value);
  if (numeric?.kind === "numeric" && number !== null) return `${column} is ${formatAmount(number)} (average ${formatAmount(numeric.mean)})`;
  return `${column} is ${textOf(value)}`;
}
