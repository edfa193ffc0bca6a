import { type Density, densities, type Proximities, proximities, regionStrengths, rollUp } from "../analysis/relatedness.ts";
import type { SegmentCoverage } from "../analysis/types.ts";
import type { Graph } from "../db/graph.ts";
import { readGraphStamp, readSegmentRegionCounts } from "../repositories/analysis.ts";

interface Cached {
  stamp: string;
  proximities: Promise<Proximities>;
}

/**
 * Proximities are a small table per chain (segment × segment), computed from every region's
 * firms and kept in memory. Before each use a count-store read (count-graph-stamp: the totals of
 * firms, IN_SEGMENT and LOCATED_IN, O(1)) tells whether an import or revert has changed those
 * facts; if so the chain's table is recomputed on that request. Nothing is written to the graph.
 */
const cache = new WeakMap<Graph, Map<string, Cached>>();

export async function chainProximities(graph: Graph, chain: string, parentOf: Map<string, string | null>): Promise<Proximities> {
  const stamp = await readGraphStamp(graph);
  const byChain = cache.get(graph) ?? new Map<string, Cached>();
  cache.set(graph, byChain);
  const hit = byChain.get(chain);
  if (hit && hit.stamp === stamp) return hit.proximities;
  const computed = readSegmentRegionCounts(graph, chain).then((rows) => proximities(rollUp(rows, parentOf)));
  byChain.set(chain, { stamp, proximities: computed });
  computed.catch(() => byChain.delete(chain));
  return computed;
}

/** The density of each gap segment for the local scope: its strengths (RCA ≥ 1) against the chain's proximities. */
export async function gapDensities(graph: Graph, chain: string, coverage: SegmentCoverage[], gaps: string[]): Promise<Density[]> {
  if (gaps.length === 0) return [];
  const parentOf = new Map(coverage.map((s) => [s.segment.id, s.parent]));
  const table = await chainProximities(graph, chain, parentOf);
  const strong = regionStrengths(
    coverage.map((s) => ({ segment: s.segment.id, firms: s.localFirms })),
    table.segmentFirms,
    table.totalFirms,
  );
  return densities(table, strong, gaps);
}
