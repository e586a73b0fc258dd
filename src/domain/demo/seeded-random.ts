/**
 * Reproducible randomness for the demo history. The domain never calls `Math.random()`: the
 * demo takes a seed and derives one independent stream per purpose (`streamFor(seed, "journey",
 * 42)`), so a later capability that adds draws in its own stream leaves every existing lead,
 * owner and outcome exactly as it was.
 *
 * A class rather than an object of closures: a year of demo data opens ~100k streams, and
 * prototype methods keep each one to a single small allocation.
 */
export class SeededRandom {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.#next();
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.#next();
  }

  /** Uniform whole number in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.#next());
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.#next() < p;
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(items.length * this.#next())]!;
  }

  /** One element, with probability proportional to its weight. */
  pickWeighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weightOf(item), 0);
    let remaining = this.#next() * total;
    for (const item of items) {
      remaining -= weightOf(item);
      if (remaining < 0) return item;
    }
    return items[items.length - 1]!;
  }

  /** Log-normal with the given median; `spread` is sigma of the underlying normal (0.8 ≈ a 5× spread between p10 and p90). */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(spread * standardNormal(this.#next));
  }

  /** A count with the given mean (Poisson). */
  poisson(mean: number): number {
    return poisson(this.#next, mean);
  }
}

/** mulberry32: a 32-bit state, full period 2^32, passes gjrand/PractRand well enough for simulation. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the parts, then a murmur3 finaliser so nearby labels (`lead:1`, `lead:2`) give unrelated seeds. */
export function deriveSeed(seed: number, parts: readonly (string | number)[]): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  const text = parts.join("\u0000");
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** The random stream for one purpose, e.g. `streamFor(seed, "lead", 7)` for lead number 7's identity. */
export function streamFor(seed: number, ...parts: (string | number)[]): SeededRandom {
  return new SeededRandom(deriveSeed(seed, parts));
}

/** Box–Muller; `1 - next()` keeps the logarithm's argument in (0, 1]. */
function standardNormal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Knuth's product method below a mean of 30; above, the normal approximation (error < 1% of the mean there). */
function poisson(next: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(next)));
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = next(); product > limit; product *= next()) count++;
  return count;
}
