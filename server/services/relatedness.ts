import { type Density, densities, type Proximities, proximities, regionStrengths, rollUp } from "../analysis/relatedness.ts";
import type { SegmentCoverage } from "../analysis/types.ts";
import type { Graph } from "../db/graph.ts";
import { readChainStats, readSegmentRegionCounts } from "../repositories/analysis.ts";

interface Cached {
  stamp: string;
  proximities: Proximities;
}

/**
 * The chain's proximities, from its precomputed firms per (region, segment) in :ChainStats
 * (refreshed on every import, revert and load: server/repositories/chain-stats.ts). Each app
 * keeps the proximities per chain under the stats' stamp; the read sends the lists again only
 * when the stamp changed. A chain without stats (a database written before they existed) is
 * counted live from its firms.
 */
const cache = new WeakMap<Graph, Map<string, Cached>>();

export async function chainProximities(graph: Graph, chain: string, parentOf: Map<string, string | null>): Promise<Proximities> {
  const byChain = cache.get(graph) ?? new Map<string, Cached>();
  cache.set(graph, byChain);
  const known = byChain.get(chain);
  const row = await readChainStats(graph, chain, known?.stamp ?? "");
  if (!row) return proximities(rollUp(await readSegmentRegionCounts(graph, chain), parentOf));
  if (known && row.stamp === known.stamp) return known.proximities;
  const segments = row.segments ?? [];
  const counts = row.counts ?? [];
  const rows = (row.regions ?? []).map((region, i) => ({ region, segment: segments[i]!, firms: Number(counts[i]) }));
  const table = proximities(rollUp(rows, parentOf));
  byChain.set(chain, { stamp: row.stamp, proximities: table });
  return table;
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
