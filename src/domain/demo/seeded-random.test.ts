import { describe, expect, it } from "vitest";
import { SeededRandom, streamFor } from "./seeded-random.js";

const draws = (random: SeededRandom, count: number) => Array.from({ length: count }, () => random.next());

describe("SeededRandom", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    expect(draws(new SeededRandom(42), 5)).toEqual(draws(new SeededRandom(42), 5));
    expect(draws(new SeededRandom(42), 5)).not.toEqual(draws(new SeededRandom(43), 5));
  });

  it("gives unrelated streams for neighbouring labels", () => {
    expect(streamFor(1, "lead", 1).next()).not.toBe(streamFor(1, "lead", 2).next());
    expect(streamFor(1, "lead", 1).next()).not.toBe(streamFor(2, "lead", 1).next());
    expect(streamFor(1, "lead", 1).next()).toBe(streamFor(1, "lead", 1).next());
  });

  it("draws whole numbers with both bounds included", () => {
    const random = new SeededRandom(7);
    const seen = new Set(Array.from({ length: 2_000 }, () => random.int(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it("picks by weight and draws counts and log-normals around their parameters", () => {
    const random = new SeededRandom(11);
    const picks = Array.from({ length: 10_000 }, () => random.pickWeighted(["a", "b"], (x) => (x === "a" ? 3 : 1)));
    expect(picks.filter((x) => x === "a").length / picks.length).toBeCloseTo(0.75, 1);
    const counts = Array.from({ length: 5_000 }, () => random.poisson(12));
    expect(counts.reduce((sum, n) => sum + n, 0) / counts.length).toBeCloseTo(12, 0);
    const delays = Array.from({ length: 5_001 }, () => random.logNormal(10, 0.9)).sort((a, b) => a - b);
    expect(delays[2_500]).toBeGreaterThan(9);
    expect(delays[2_500]).toBeLessThan(11);
  });
});
