import type { Graph, NamedTransaction } from "../db/graph.ts";

/**
 * Start-up work that is skipped when the graph did not change. The chain stats and the firms'
 * score parts are derived data: every loader of the app keeps them current, and the app's start
 * also recomputes them for writes made outside those loaders (a restored dump, hand-written
 * Cypher, code that predates them). Recomputing costs seconds at 1M firms (the chain stats 8–33 s,
 * the score-parts check about 1–2 s), so each records on a `:DataVersion` mark what it was made
 * current for: a fingerprint of the counts it is computed from, read from Neo4j's count store in
 * O(1) (cypher/count-derived-data-inputs.cypher), and the version of its rules. A start that reads
 * the same fingerprint and version skips the work.
 *
 * What a fingerprint of counts cannot see: an outside write that leaves every count as it was (a
 * firm moved to another region by deleting one LOCATED_IN and creating another, a firm's score
 * parts removed by hand). Deleting the marks (`MATCH (v:DataVersion) WHERE v.id IN ['chain-stats',
 * 'score-parts'] DELETE v`) makes the next start do the full work (docs/data-model.md).
 * Running the refresh in the background after listening was the other option; it would serve
 * chain stats older than the graph meanwhile, and with the marks the refresh only runs when the
 * graph really changed outside the app, so the start waits for it then.
 */
export type DerivedData = "chain-stats" | "score-parts";

export interface InputCounts {
  firms: number;
  regions: number;
  segments: number;
  chains: number;
  inSegment: number;
  locatedIn: number;
  segmentOf: number;
  subSegmentOf: number;
  partOf: number;
  develops: number;
}

/** The counts each derived data is computed from (cypher/refresh-chain-stats.cypher reads all of them; the score parts, the firms). */
const INPUTS: Record<DerivedData, readonly (keyof InputCounts)[]> = {
  "chain-stats": ["chains", "segments", "segmentOf", "subSegmentOf", "inSegment", "firms", "locatedIn", "regions", "partOf", "develops"],
  "score-parts": ["firms"],
};

/** The mark's text: readable in Neo4j Browser (`firms=1000041 …`), compared as a whole. */
export function fingerprint(of: DerivedData, counts: InputCounts): string {
  return INPUTS[of].map((key) => `${key}=${counts[key]}`).join(" ");
}

export async function inputCounts(graph: Graph): Promise<InputCounts> {
  const [row] = await graph.read<InputCounts>("count-derived-data-inputs");
  return row!;
}

/** The counts as a write transaction sees them, its own writes included. */
export async function inputCountsIn(tx: NamedTransaction): Promise<InputCounts> {
  const [row] = await tx.run<InputCounts>("count-derived-data-inputs");
  return row!;
}

/**
 * Whether `of` was last made current for the graph's present counts under rules `version`; the
 * counts are returned too, so work that runs outside one transaction marks what it started from
 * (a write landing meanwhile then makes the next start check again, never the other way round).
 */
export async function derivedDataState(graph: Graph, of: DerivedData, version: string) {
  const [counts, [mark]] = await Promise.all([
    inputCounts(graph),
    graph.read<{ inputs: string | null; version: string | null }>("find-derived-data-mark", { id: of }),
  ]);
  const current = mark?.inputs === fingerprint(of, counts) && mark.version === version;
  return { current, counts };
}

export async function markDerivedDataIn(tx: NamedTransaction, of: DerivedData, counts: InputCounts, version: string): Promise<void> {
  await tx.run("mark-derived-data", { id: of, inputs: fingerprint(of, counts), version, at: new Date().toISOString() });
}
