import type { SeededRandom } from "./seeded-random.js";

/**
 * An id shaped like production ids (`prefix_` + 12 hex chars of the creation time + 16 hex
 * chars), but drawn from the seed, so the same seed gives the same ids and they still sort by
 * creation time.
 */
export function demoIdFor(prefix: string, createdAt: number, random: SeededRandom): string {
  const time = Math.max(0, createdAt).toString(16).padStart(12, "0");
  const high = Math.floor(random.next() * 2 ** 32).toString(16).padStart(8, "0");
  const low = Math.floor(random.next() * 2 ** 32).toString(16).padStart(8, "0");
  return `${prefix}_${time}${high}${low}`;
}
