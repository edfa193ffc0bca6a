import type { Graph } from "../db/graph.ts";
import { buildDistribution, type DistributionModel, type PointRow } from "../geo/distribution.ts";
import { toNodeData } from "../graph/elements.ts";
import { type EnclaveMode, findChain, findLocalScope } from "./analysis.ts";
import { findBoundary } from "./boundaries.ts";
import { listRegions } from "./regions.ts";

/** Points read at most; the picture clusters what it cannot show one by one. */
export const DISTRIBUTION_POINT_LIMIT = 20_000;

/** The 区域分布图's data: the chain's firms, parks and projects in the region, placed on the planner's boundary or in a schematic. */
export async function readDistribution(graph: Graph, query: { chain: string; region: string; enclaves: EnclaveMode }) {
  const [chain, scope, regions, boundary] = await Promise.all([
    findChain(graph, query.chain),
    findLocalScope(graph, query.region, query.enclaves),
    listRegions(graph),
    findBoundary(graph, query.region),
  ]);
  const rows = await graph.read<PointRow>("find-distribution-points", {
    chain: query.chain,
    regionIds: scope.regionIds,
    limit: DISTRIBUTION_POINT_LIMIT + 1,
  });
  const truncated = rows.length > DISTRIBUTION_POINT_LIMIT;
  const model: DistributionModel = buildDistribution(
    rows.slice(0, DISTRIBUTION_POINT_LIMIT),
    regions,
    query.region,
    boundary?.areas ?? null,
  );
  return {
    chain: toNodeData(chain),
    region: toNodeData(scope.region),
    truncated,
    boundary: boundary
      ? { region: boundary.region, approvalNumber: boundary.approvalNumber, sourceCrs: boundary.sourceCrs, uploadedAt: boundary.uploadedAt }
      : null,
    ...model,
  };
}

export type Distribution = Awaited<ReturnType<typeof readDistribution>>;
