/** Model inputs, row-major: input `j` of row `i` is `values[i * width + j]`. */
export type DesignMatrix = { rows: number; width: number; values: Float64Array };

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
 * kept, and each further step costs a gradient pass (rows × width) instead of a Hessian pass
 * (rows × width²/2). On 100,000 rows × 40 inputs, 6 Hessian passes became 3 and 5 gradient passes.
 */
const REUSE_CURVATURE_BELOW = 0.25;
/** Step halvings tried when a step makes the penalised likelihood worse. */
const MAX_HALVINGS = 30;

/** The logistic function, without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Probability of a win for one row of the matrix. */
export function predictRow(fit: LogisticFit, x: DesignMatrix, row: number): number {
  let eta = fit.intercept;
  const offset = row * x.width;
  for (let j = 0; j < x.width; j++) eta += fit.weights[j]! * x.values[offset + j]!;
  return sigmoid(eta);
}

/**
 * L2-regularised logistic regression by Newton–Raphson (IRLS): each step solves the
 * (width+1)² system `H·δ = g` by Cholesky, and is halved if the penalised log-likelihood fell.
 * With `l2 > 0` the problem is strictly convex, so the answer is unique and separable data
 * still converges. A Hessian pass costs rows × width²/2 multiply-adds.
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
    if (pass.objective < previousObjective && halvings < MAX_HALVINGS) {
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

/** Penalised log-likelihood and its gradient at `beta`, and the unpenalised curvature when asked. */
function likelihoodPass(x: DesignMatrix, wins: Uint8Array, rows: Int32Array, beta: Float64Array, l2: number, withCurvature: boolean): LikelihoodPass {
  const { width, values } = x;
  const size = width + 1;
  const gradient = new Float64Array(size);
  const curvature = withCurvature ? new CurvatureSum(size) : null;
  let objective = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const offset = row * width;
    let eta = beta[0]!;
    for (let j = 0; j < width; j++) eta += beta[j + 1]! * values[offset + j]!;
    const p = sigmoid(eta);
    const residual = wins[row]! - p;
    objective += wins[row]! * eta - softplus(eta);
    gradient[0]! += residual;
    for (let j = 0; j < width; j++) gradient[j + 1]! += residual * values[offset + j]!;
    curvature?.add(p * (1 - p), values, offset);
  }
  for (let j = 1; j < size; j++) {
    objective -= (l2 / 2) * beta[j]! ** 2;
    gradient[j]! -= l2 * beta[j]!;
  }
  return { objective, gradient, curvature: curvature?.total() ?? null };
}

/** Rows per block of the curvature sum: a 41-input block is 84 KB, inside a core's L2 cache. */
const BLOCK_ROWS = 256;

/**
 * Sums `Xᵀ·W·X` (intercept first) a block of rows at a time: the rows, scaled by √w, are
 * stored input by input, and each matrix entry adds one dot product over the block in
 * registers. On 100,000 rows × 40 inputs that is about 3.5× faster than adding each row's
 * outer product into the matrix.
 */
class CurvatureSum {
  readonly #size: number;
  readonly #matrix: Float64Array;
  readonly #block: Float64Array;
  #rows = 0;

  constructor(size: number) {
    this.#size = size;
    this.#matrix = new Float64Array(size * size);
    this.#block = new Float64Array(size * BLOCK_ROWS);
  }

  /** Adds one row, `values[offset … offset + size − 1)`, with weight `p·(1 − p)`. */
  add(weight: number, values: Float64Array, offset: number): void {
    const scale = Math.sqrt(weight);
    const r = this.#rows;
    this.#block[r] = scale;
    for (let j = 1; j < this.#size; j++) this.#block[j * BLOCK_ROWS + r] = scale * values[offset + j - 1]!;
    if (++this.#rows === BLOCK_ROWS) this.#flush();
  }

  /** The full symmetric matrix. */
  total(): Float64Array {
    this.#flush();
    const size = this.#size;
    for (let j = 1; j < size; j++) for (let k = 0; k < j; k++) this.#matrix[j * size + k] = this.#matrix[k * size + j]!;
    return this.#matrix;
  }

  /** Four running sums per dot product let the CPU overlap the multiply-adds. */
  #flush(): void {
    const block = this.#block;
    const rows = this.#rows;
    for (let a = 0; a < this.#size; a++) {
      const at = a * BLOCK_ROWS;
      for (let b = a; b < this.#size; b++) {
        const bt = b * BLOCK_ROWS;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let r = 0;
        for (; r + 3 < rows; r += 4) {
          s0 += block[at + r]! * block[bt + r]!;
          s1 += block[at + r + 1]! * block[bt + r + 1]!;
          s2 += block[at + r + 2]! * block[bt + r + 2]!;
          s3 += block[at + r + 3]! * block[bt + r + 3]!;
        }
        for (; r < rows; r++) s0 += block[at + r]! * block[bt + r]!;
        this.#matrix[a * this.#size + b]! += s0 + s1 + s2 + s3;
      }
    }
    this.#rows = 0;
  }
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
