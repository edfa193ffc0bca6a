import type { Graph } from "../db/graph.ts";
import type { PointRow } from "../geo/distribution.ts";

/** The chain's firms, parks and projects in the local regions, with region, segment and optional lng/lat (find-distribution-points). */
export function readDistributionPoints(graph: Graph, chain: string, regionIds: string[], limit: number): Promise<PointRow[]> {
  return graph.read<PointRow>("find-distribution-points", { chain, regionIds, limit });
}
