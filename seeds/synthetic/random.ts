/**
 * Seeded randomness for the synthetic generator. Every entity draws from its own stream, keyed
 * by (seed, purpose, index), so a firm's attributes do not depend on how the run is chunked or
 * on what was generated before it: the same seed gives the same graph, whatever the batch size.
 */

/** mulberry32: 32-bit state, good enough statistical quality for test data, and tiny. */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finaliser: spreads nearby inputs (firm 1, firm 2) into unrelated states. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A random source with the few draws the generator needs. */
export class Random {
  readonly next: () => number;
  constructor(state: number) {
    this.next = mulberry32(state);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Index in [0, size) skewed towards 0 (power > 1): the first firms of a bucket become hubs. */
  skewedIndex(size: number, power: number): number {
    return Math.min(size - 1, Math.floor(this.next() ** power * size));
  }

  /** Fisher–Yates on a copy, then the first `count`. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, count);
  }

  /**
   * A heavy-tailed count (discrete power law, P(d) ~ d^-exponent for d ≥ 1) capped at `cap`,
   * so a few firms have many supply ties while hub expansion in queries stays bounded.
   */
  powerLaw(exponent: number, cap: number): number {
    const u = 1 - this.next();
    return Math.min(cap, Math.floor(u ** (-1 / (exponent - 1))));
  }

  /** Pareto-distributed weight ≥ 1, for sizes of districts and presences. */
  paretoWeight(shape: number): number {
    return (1 - this.next()) ** (-1 / shape);
  }
}

/** The stream for one purpose and one index under a run's seed. */
export function streamFor(seed: number, purpose: string, index = 0): Random {
  return new Random(fmix32(fmix32(seed ^ hashString(purpose)) + Math.imul(index + 1, 0x9e3779b1)));
}
