import type { Graph } from "../db/graph.ts";
import { buildDistribution, type DistributionModel } from "../geo/distribution.ts";
import { toNodeData } from "../graph/elements.ts";
import { type EnclaveMode, findChainHeader, findLocalScope } from "../repositories/analysis.ts";
import { findBoundary } from "../repositories/boundaries.ts";
import { readDistributionPoints } from "../repositories/distribution.ts";
import { listRegions } from "../repositories/regions.ts";

/** Points read at most; the picture clusters what it cannot show one by one. */
const DISTRIBUTION_POINT_LIMIT = 20_000;

/** The 区域分布图's data: the chain's firms, parks and projects in the region, placed on the planner's boundary or in a schematic. */
export async function readDistribution(graph: Graph, query: { chain: string; region: string; enclaves: EnclaveMode }) {
  const [chain, scope, regions, boundary] = await Promise.all([
    findChainHeader(graph, query.chain),
    findLocalScope(graph, query.region, query.enclaves),
    listRegions(graph),
    findBoundary(graph, query.region),
  ]);
  const rows = await readDistributionPoints(graph, query.chain, scope.regionIds, DISTRIBUTION_POINT_LIMIT + 1);
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
