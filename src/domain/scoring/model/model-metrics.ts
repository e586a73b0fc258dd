/** Predicted probabilities `from ≤ p < to` (the last bin includes 1): how many, their mean, and the share that won. */
export type ReliabilityBin = { from: number; to: number; count: number; meanPredicted: number; observedRate: number };

const RELIABILITY_BINS = 10;

/**
 * Area under the ROC curve: the chance that a random win is ranked above a random loss, ties
 * counting half (the Mann–Whitney statistic, with mid-ranks for tied predictions). NaN when
 * the outcomes hold only wins or only losses.
 */
export function areaUnderCurve(predictions: ArrayLike<number>, outcomes: readonly boolean[]): number {
  const order = Array.from({ length: predictions.length }, (_, i) => i).sort((a, b) => predictions[a]! - predictions[b]!);
  let winRankSum = 0;
  let wins = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && predictions[order[end + 1]!] === predictions[order[start]!]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (outcomes[order[k]!]) {
        winRankSum += midRank;
        wins++;
      }
    }
    start = end + 1;
  }
  const losses = order.length - wins;
  return (winRankSum - (wins * (wins + 1)) / 2) / (wins * losses);
}

/** Mean squared difference between the predicted probability and the outcome (0 is perfect, 0.25 a coin). */
export function brierScore(predictions: ArrayLike<number>, outcomes: readonly boolean[]): number {
  let sum = 0;
  for (let i = 0; i < predictions.length; i++) sum += (predictions[i]! - (outcomes[i] ? 1 : 0)) ** 2;
  return sum / predictions.length;
}

/** Predictions grouped into 10 equal-width bins of probability; empty bins are left out. */
export function reliabilityTable(predictions: ArrayLike<number>, outcomes: readonly boolean[]): ReliabilityBin[] {
  const counts = new Array<number>(RELIABILITY_BINS).fill(0);
  const predictedSums = new Array<number>(RELIABILITY_BINS).fill(0);
  const wins = new Array<number>(RELIABILITY_BINS).fill(0);
  for (let i = 0; i < predictions.length; i++) {
    const bin = Math.min(Math.floor(predictions[i]! * RELIABILITY_BINS), RELIABILITY_BINS - 1);
    counts[bin]!++;
    predictedSums[bin]! += predictions[i]!;
    if (outcomes[i]) wins[bin]!++;
  }
  return counts.flatMap((count, bin) =>
    count === 0 ? [] : [{ from: bin / RELIABILITY_BINS, to: (bin + 1) / RELIABILITY_BINS, count, meanPredicted: predictedSums[bin]! / count, observedRate: wins[bin]! / count }],
  );
}

/** Expected calibration error: the gap between predicted and observed win rate, averaged over bins weighted by their count. */
export function expectedCalibrationError(bins: readonly ReliabilityBin[]): number {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  return bins.reduce((sum, bin) => sum + (bin.count / total) * Math.abs(bin.meanPredicted - bin.observedRate), 0);
}
