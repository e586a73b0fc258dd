import type { LeadScore, ScoreContribution, ScoreHistoryPoint } from "../../api/scoring.js";
import { formatShare } from "../../format/format-score.js";

const PART_NAMES: Record<ScoreContribution["part"], string> = { fit: "Fit", intent: "Intent", model: "Model" };

/** The parts behind the score: "Fit 60", "Intent 40", and the model's win chance with its version when it took part. */
export function scoreParts(score: LeadScore): { name: string; value: string }[] {
  const parts = [
    { name: "Fit", value: `${score.fitScore}` },
    { name: "Intent", value: `${score.intentScore}` },
  ];
  if (score.modelVersion === null || score.modelProbability === null) return parts;
  return [...parts, { name: "Rules", value: `${score.ruleScore}` }, { name: "Model", value: `${formatShare(score.modelProbability)} win chance (version ${score.modelVersion})` }];
}

/** A contribution's part as a word, for the full list where fit, intent and model lines mix. */
export function partName(part: ScoreContribution["part"]): string {
  return PART_NAMES[part];
}

/**
 * The history as an SVG polyline's points, oldest on the left, score 0 at the bottom and 100 at
 * the top; points are spread evenly (a history is a handful of rescorings, not a time axis).
 */
export function historyPolyline(history: readonly Pick<ScoreHistoryPoint, "score">[], width: number, height: number): string {
  if (history.length === 0) return "";
  const step = history.length === 1 ? 0 : width / (history.length - 1);
  const yOf = (score: number) => Math.round((height - (Math.min(100, Math.max(0, score)) / 100) * height) * 10) / 10;
  const points = history.map((point, index) => `${Math.round(index * step * 10) / 10},${yOf(point.score)}`);
  // One score is a flat line across, not an invisible dot.
  return history.length === 1 ? `${points[0]} ${width},${yOf(history[0]!.score)}` : points.join(" ");
}
