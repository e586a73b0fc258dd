import type { ModelReadiness, ModelReport, MonthlyCloseRates, ReliabilityBin } from "../../api/scoring.js";
import { formatShare } from "../../format/format-score.js";

/** "0.81: a won lead outranks a lost one 81% of the time (0.50 is a coin toss)." */
export function aucWords(auc: number): string {
  return `${auc.toFixed(2)}: a won lead scores above a lost one ${formatShare(auc)} of the time (0.50 is a coin toss).`;
}

/** The Brier score beside what guessing the win rate for every lead would score, the bar a model must clear. */
export function brierWords(report: Pick<ModelReport, "brier" | "closed" | "wins">): string {
  const winRate = report.closed === 0 ? 0 : report.wins / report.closed;
  const baseline = winRate * (1 - winRate);
  return `${report.brier.toFixed(3)}: lower is better; guessing the ${formatShare(winRate)} win rate for every lead would score ${baseline.toFixed(3)}.`;
}

/** Expected calibration error in points of probability: "3.1 points: …". */
export function calibrationWords(expectedCalibrationError: number): string {
  const points = Math.round(expectedCalibrationError * 1000) / 10;
  return `${points} ${points === 1 ? "point" : "points"}: on average a predicted win chance is that far from how often such leads were won.`;
}

/** "Closed leads: 120 of 200 needed · wins: 25 of 40 needed"; the counts alone once the model may train. */
export function readinessFacts(readiness: ModelReadiness): string {
  const part = (noun: string, count: number, missing: number) => (missing > 0 ? `${noun}: ${count} of ${count + missing} needed` : `${noun}: ${count}`);
  return `${part("Closed leads", readiness.closed, readiness.missingClosed)} · ${part("wins", readiness.wins, readiness.missingWins)}`;
}

/** One row of the reliability table, in percentages. */
export type ReliabilityRow = { range: string; count: number; predicted: string; observed: string; gap: string };

/** The reliability bins as the table beside the chart shows them; empty bins are left out. */
export function reliabilityRows(bins: readonly ReliabilityBin[]): ReliabilityRow[] {
  return bins
    .filter((bin) => bin.count > 0)
    .map((bin) => {
      const gapPoints = Math.round((bin.observedRate - bin.meanPredicted) * 1000) / 10;
      return {
        range: `${Math.round(bin.from * 100)}–${Math.round(bin.to * 100)}%`,
        count: bin.count,
        predicted: formatShare(bin.meanPredicted),
        observed: formatShare(bin.observedRate),
        gap: gapPoints === 0 ? "0" : `${gapPoints > 0 ? "+" : "−"}${Math.abs(gapPoints)} pts`,
      };
    });
}

/** Months newest first, as the close-rate table lists them. */
export function newestMonthsFirst(monthly: readonly MonthlyCloseRates[]): MonthlyCloseRates[] {
  return [...monthly].sort((a, b) => b.month.localeCompare(a.month));
}

/** Every qualification criterion any month counted, in the order first seen. */
export function criteriaOf(monthly: readonly MonthlyCloseRates[]): string[] {
  return [...new Set(monthly.flatMap((month) => Object.keys(month.criteria)))];
}
