import type { DesignMatrix } from "./design-matrix.js";

/** Log-odds of winning = `intercept + Σ weights[j] · x[j]`. */
export type LogisticFit = { intercept: number; weights: Float64Array };

export type LogisticOptions = {
  /** Ridge penalty `l2/2 · Σ weights²` (the intercept is not penalised). */
  l2: number;
  /** Fit only these rows (a cross-validation fold); all rows when omitted. */
  rowIndices?: Int32Array;
  /** Where Newton's method starts; a nearby fit (all rows, for a fold) needs few steps. */
  start?: LogisticFit;
  /** The curvature near `start` for these rows (`curvatureOf`), saving the first Hessian pass. */
  curvature?: Float64Array;
};

/**
 * Newton–Raphson stops when no coefficient moves by more than this; on standardised inputs
 * that is far below anything a report shows. MAX_ITERATIONS bounds nearly separable data.
 */
const TOLERANCE = 1e-7;
const MAX_ITERATIONS = 100;
/**
 * Once no coefficient moves by this much, the curvature barely changes between steps: it is
 * kept, and each further step costs a gradient pass (non-zeros per row) instead of a Hessian
 * pass (their square / 2). On 100,000 rows × 40 inputs, 6 Hessian passes became 3 and 5 gradient passes.
 */
const REUSE_CURVATURE_BELOW = 0.25;
/** Step halvings tried when a step makes the penalised likelihood worse. */
const MAX_HALVINGS = 30;
/**
 * A step makes the likelihood worse only when it falls by more than this share of it. A sum
 * over many rows is exact to about 1e-14 of itself, and near the optimum a step gains less
 * than that: compared exactly, such a step looked worse and was halved again and again until
 * MAX_ITERATIONS (two of five cross-validation folds on 100,000 rows: 100 passes instead of 6).
 */
const ROUNDING = 1e-12;

/** The logistic function, without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Probability of a win for one row of the matrix. */
export function predictRow(fit: LogisticFit, x: DesignMatrix, row: number): number {
  let eta = fit.intercept;
  for (let k = x.rowStarts[row]!; k < x.rowStarts[row + 1]!; k++) eta += fit.weights[x.columns[k]!]! * x.values[k]!;
  return sigmoid(eta);
}

/**
 * L2-regularised logistic regression by Newton–Raphson (IRLS): each step solves the
 * (width+1)² system `H·δ = g` by Cholesky, and is halved if the penalised log-likelihood fell.
 * With `l2 > 0` the problem is strictly convex, so the answer is unique and separable data
 * still converges. A Hessian pass costs about (non-zeros per row)²/2 multiply-adds a row.
 */
export function fitLogisticRegression(x: DesignMatrix, wins: Uint8Array, options: LogisticOptions): LogisticFit {
  const rows = options.rowIndices ?? Int32Array.from({ length: x.rows }, (_, i) => i);
  const size = x.width + 1;
  let factor = options.curvature ? factorSymmetric(penalised(options.curvature, size, options.l2), size) : null;
  let beta = options.start ? Float64Array.of(options.start.intercept, ...options.start.weights) : initialBeta(size, wins, rows);
  let previous = beta;
  let previousObjective = -Infinity;
  let halvings = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const pass = likelihoodPass(x, wins, rows, beta, options.l2, factor === null);
    if (pass.objective < previousObjective - ROUNDING * Math.abs(previousObjective) && halvings < MAX_HALVINGS) {
      beta = previous.map((value, j) => (value + beta[j]!) / 2);
      halvings++;
      continue;
    }
    halvings = 0;
    factor ??= factorSymmetric(penalised(pass.curvature!, size, options.l2), size);
    const step = substitute(factor, pass.gradient, size);
    previous = beta;
    previousObjective = pass.objective;
    beta = beta.map((value, j) => value + step[j]!);
    const largestMove = step.reduce((largest, delta) => Math.max(largest, Math.abs(delta)), 0);
    if (largestMove < TOLERANCE) break;
    if (largestMove >= REUSE_CURVATURE_BELOW) factor = null;
  }
  return { intercept: beta[0]!, weights: beta.subarray(1) };
}

/** Starts at the base rate: intercept = log-odds of the share of wins, weights 0. */
function initialBeta(size: number, wins: Uint8Array, rows: Int32Array): Float64Array {
  let won = 0;
  for (let i = 0; i < rows.length; i++) won += wins[rows[i]!]!;
  const rate = Math.min(Math.max(won / rows.length, 1e-6), 1 - 1e-6);
  const beta = new Float64Array(size);
  beta[0] = Math.log(rate / (1 - rate));
  return beta;
}

/**
 * The unpenalised curvature `Xᵀ·W·X` (intercept first, full symmetric matrix) of these rows
 * at `fit`: with the fit on all rows, each fold's curvature comes from one pass in all.
 */
export function curvatureOf(x: DesignMatrix, wins: Uint8Array, rows: Int32Array, fit: LogisticFit): Float64Array {
  const beta = Float64Array.of(fit.intercept, ...fit.weights);
  return likelihoodPass(x, wins, rows, beta, 0, true).curvature!;
}

type LikelihoodPass = { objective: number; gradient: Float64Array; curvature: Float64Array | null };

/**
 * Penalised log-likelihood and its gradient at `beta`, and the unpenalised curvature when asked,
 * visiting only each row's non-zero inputs.
 */
function likelihoodPass(x: DesignMatrix, wins: Uint8Array, rows: Int32Array, beta: Float64Array, l2: number, withCurvature: boolean): LikelihoodPass {
  const { rowStarts, columns, values } = x;
  const size = x.width + 1;
  const gradient = new Float64Array(size);
  const curvature = withCurvature ? new Float64Array(size * size) : null;
  let objective = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const start = rowStarts[row]!;
    const end = rowStarts[row + 1]!;
    let eta = beta[0]!;
    for (let k = start; k < end; k++) eta += beta[columns[k]! + 1]! * values[k]!;
    const p = sigmoid(eta);
    const residual = wins[row]! - p;
    objective += wins[row]! * eta - softplus(eta);
    gradient[0]! += residual;
    for (let k = start; k < end; k++) gradient[columns[k]! + 1]! += residual * values[k]!;
    if (curvature) addOuterProduct(curvature, size, p * (1 - p), x, start, end);
  }
  for (let j = 1; j < size; j++) {
    objective -= (l2 / 2) * beta[j]! ** 2;
    gradient[j]! -= l2 * beta[j]!;
  }
  if (curvature) mirrorUpperTriangle(curvature, size);
  return { objective, gradient, curvature };
}

/**
 * Adds `weight · r·rᵀ` to the upper triangle of `matrix`, where `r` is the row (intercept 1
 * first) whose non-zeros are at `start … end − 1`: a pair of non-zeros at a time, so a
 * benchmark lead, 13 non-zeros of 55 inputs, costs 105 multiply-adds instead of 1,596.
 */
function addOuterProduct(matrix: Float64Array, size: number, weight: number, x: DesignMatrix, start: number, end: number): void {
  const { columns, values } = x;
  matrix[0]! += weight;
  for (let a = start; a < end; a++) {
    const at = (columns[a]! + 1) * size;
    const scaled = weight * values[a]!;
    matrix[columns[a]! + 1]! += scaled;
    for (let b = a; b < end; b++) matrix[at + columns[b]! + 1]! += scaled * values[b]!;
  }
}

/** Copies the upper triangle onto the lower one. */
function mirrorUpperTriangle(matrix: Float64Array, size: number): void {
  for (let j = 1; j < size; j++) for (let k = 0; k < j; k++) matrix[j * size + k] = matrix[k * size + j]!;
}

/** A copy of the curvature with the ridge on every weight's diagonal (not the intercept's). */
function penalised(curvature: Float64Array, size: number, l2: number): Float64Array {
  const matrix = Float64Array.from(curvature);
  for (let j = 1; j < size; j++) matrix[j * size + j]! += l2;
  return matrix;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * The Cholesky factor of a symmetric positive definite `A`. Rounding can leave a nearly
 * singular `A` (an input that is almost a copy of another, l2 = 0) with a non-positive pivot;
 * then a ridge growing from 1e-10 of the largest diagonal is added until it factors.
 */
function factorSymmetric(a: Float64Array, size: number): Float64Array {
  let largest = 0;
  for (let i = 0; i < size; i++) largest = Math.max(largest, Math.abs(a[i * size + i]!));
  for (let attempt = 0, ridge = 0; attempt < 20; attempt++, ridge = ridge === 0 ? 1e-10 * (largest || 1) : ridge * 10) {
    const factor = cholesky(a, size, ridge);
    if (factor) return factor;
  }
  // Only a NaN or infinite input gets here: a ridge of the largest diagonal makes any finite matrix factor.
  throw new Error("logistic regression: the inputs are not finite numbers");
}

/** Lower-triangular `L` with `L·Lᵀ = A + ridge·I`, or null when a pivot is not positive. */
function cholesky(a: Float64Array, size: number, ridge: number): Float64Array | null {
  const l = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * size + j]! + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) sum -= l[i * size + k]! * l[j * size + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * size + i] = Math.sqrt(sum);
      } else {
        l[i * size + j] = sum / l[j * size + j]!;
      }
    }
  }
  return l;
}

/** Forward then back substitution through `L·Lᵀ·x = b`. */
function substitute(l: Float64Array, b: Float64Array, size: number): Float64Array {
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * size + k]! * y[k]!;
    y[i] = sum / l[i * size + i]!;
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < size; k++) sum -= l[k * size + i]! * x[k]!;
    x[i] = sum / l[i * size + i]!;
  }
  return x;
}
