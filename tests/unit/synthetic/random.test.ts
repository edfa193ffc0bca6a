import { describe, expect, it } from "vitest";
import { mulberry32, streamFor } from "../../../seeds/synthetic/random.ts";

describe("seeded randomness", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it("gives each (purpose, index) its own stream, independent of what was drawn before", () => {
    const first = streamFor(7, "firm", 123).next();
    streamFor(7, "firm", 122).next();
    expect(streamFor(7, "firm", 123).next()).toBe(first);
    expect(streamFor(7, "firm", 124).next()).not.toBe(first);
    expect(streamFor(7, "supplies", 123).next()).not.toBe(first);
    expect(streamFor(8, "firm", 123).next()).not.toBe(first);
  });

  it("draws heavy-tailed degrees that never pass the cap", () => {
    const rng = streamFor(1, "degrees");
    const draws = Array.from({ length: 100_000 }, () => rng.powerLaw(2.3, 60));
    const sorted = [...draws].sort((a, b) => a - b);
    const median = sorted[50_000]!;
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.min(...draws)).toBe(1);
    expect(Math.max(...draws)).toBe(60);
    expect(median).toBeLessThanOrEqual(2);
    // Heavy tail: the top 1% carry far more than 1% of all ties.
    const top = sorted.slice(99_000).reduce((a, b) => a + b, 0);
    expect(top / (mean * draws.length)).toBeGreaterThan(0.08);
  });

  it("samples without repetition and picks skewed indices inside the range", () => {
    const rng = streamFor(3, "sample");
    const picked = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
    for (let i = 0; i < 1000; i++) {
      const k = rng.skewedIndex(10, 3);
      expect(k >= 0 && k < 10).toBe(true);
    }
  });
});
