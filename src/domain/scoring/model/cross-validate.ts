import { SeededRandom } from "../../demo/seeded-random.js";
import type { DesignMatrix } from "./design-matrix.js";
import { type LogisticFit, curvatureOf, fitLogisticRegression, predictRow } from "./logistic-regression.js";

/**
 * The fold (0 … folds−1) of each row: wins and losses are shuffled separately with a seeded
 * random stream and dealt round-robin, so every fold has the same share of wins (±1 row) and
 * the same seed gives the same folds.
 */
export function stratifiedFolds(outcomes: readonly boolean[], folds: number, seed: number): Uint8Array {
  const random = new SeededRandom(seed);
  const foldOf = new Uint8Array(outcomes.length);
  const wins = outcomes.flatMap((isWon, i) => (isWon ? [i] : []));
  const losses = outcomes.flatMap((isWon, i) => (isWon ? [] : [i]));
  let dealt = 0;
  for (const rows of [wins, losses]) {
    shuffle(rows, random);
    for (const row of rows) foldOf[row] = dealt++ % folds;
  }
  return foldOf;
}

/** Fisher–Yates, in place. */
function shuffle(items: number[], random: SeededRandom): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/**
 * Each row's win probability from a model fitted without its fold: an honest estimate of how
 * the model ranks and calibrates leads it has not seen. Each fold starts from the fit on all
 * rows with that fit's curvature less its held-out rows' (one pass for every fold), so it
 * needs only cheap gradient steps; the penalised fit is unique, so this is the same answer as
 * fitting the fold from scratch and leaks nothing of the held-out rows.
 */
export function outOfFoldProbabilities(x: DesignMatrix, wins: Uint8Array, foldOf: Uint8Array, options: { folds: number; l2: number; fullFit: LogisticFit }): Float64Array {
  const heldOut = Array.from({ length: options.folds }, () => [] as number[]);
  for (let row = 0; row < x.rows; row++) heldOut[foldOf[row]!]!.push(row);
  const heldOutCurvatures = heldOut.map((rows) => curvatureOf(x, wins, Int32Array.from(rows), options.fullFit));
  const total = heldOutCurvatures.reduce((sum, curvature) => sum.map((value, i) => value + curvature[i]!));
  const probabilities = new Float64Array(x.rows);
  heldOut.forEach((rows, fold) => {
    const training = Int32Array.from({ length: x.rows - rows.length });
    for (let row = 0, at = 0; row < x.rows; row++) if (foldOf[row] !== fold) training[at++] = row;
    const curvature = total.map((value, i) => value - heldOutCurvatures[fold]![i]!);
    const fit = fitLogisticRegression(x, wins, { l2: options.l2, rowIndices: training, start: options.fullFit, curvature });
    for (const row of rows) probabilities[row] = predictRow(fit, x, row);
  });
  return probabilities;
}
