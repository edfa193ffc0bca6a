/**
 * `npm run bench -- --only <names>`: which parts of a size's run go ahead. Without `--only`
 * everything runs, as before; with it, only the query measures and the parts it names (loading
 * the data, when needed, always runs: every part reads it).
 */

/** The query measures of bench/measures.ts, by name (a unit test keeps this list and measures() in step). */
export const MEASURE_NAMES = [
  "gaps",
  "chain-map",
  "neighbors-1",
  "neighbors-2",
  "paths",
  "paths-far",
  "paths-none",
  "list-chains",
  "search",
  "targets",
  "compare",
  "export-10k",
] as const;

/** The other parts of a size's run: answer key, search hit@5, 图表包, what-if, autocannon, Chromium. */
export const BENCH_PARTS = ["answer-key", "search-quality", "pack", "what-if", "throughput", "render"] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** Every name `--only` accepts. */
export const ONLY_NAMES: readonly string[] = [...MEASURE_NAMES, ...BENCH_PARTS];

export interface BenchSelection {
  measure(name: string): boolean;
  part(name: BenchPart): boolean;
}

export function benchSelection(only: readonly string[] | undefined): BenchSelection {
  if (!only) return { measure: () => true, part: () => true };
  const named = new Set(only);
  return { measure: (name) => named.has(name), part: (name) => named.has(name) };
}

/** What a result says about a part `--only` left out. */
export const NOT_RUN = "not run: --only left it out";
