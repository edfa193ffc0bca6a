import type { Elements } from "../../model/api/elements.ts";
import type { Graph } from "../db/graph.ts";
import { type EdgeRow, edgeId, type NodeRow, toElements } from "../graph/elements.ts";
import { assertEntitiesExist } from "./subgraph.ts";

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  limit: number;
  /** skip (the default): regions, chains and segments may only be a path's ends (they connect everything nearby). */
  hubs?: "skip" | "include";
}

export interface Paths {
  paths: { nodeIds: string[]; edgeIds: string[] }[];
  elements: Elements;
}

/**
 * Interior nodes with more relationships than this are not walked through (cypher/find-paths.cypher):
 * at 1M firms a district holds ~1,000 firms and a segment ~20,000, and a path through them says
 * only "both are in the same place or segment" while making "no path within N hops" cost a
 * national breadth-first search.
 */
export const PATH_HUB_DEGREE = 500;

/** The shortest hub-avoiding ways two entities are connected (all of equal length), with every node and edge on them. */
export async function findPaths(graph: Graph, query: PathQuery): Promise<Paths> {
  await assertEntitiesExist(graph, [query.from], "from");
  await assertEntitiesExist(graph, [query.to], "to");
  const rows = await graph.read<{ nodes: NodeRow[]; edges: EdgeRow[] }>("find-paths", {
    from: query.from,
    to: query.to,
    maxHops: query.maxHops,
    limit: query.limit,
    skipHubs: query.hubs !== "include",
    hubDegree: PATH_HUB_DEGREE,
  });
  return {
    paths: rows.map((row) => ({ nodeIds: row.nodes.map((n) => n.id), edgeIds: row.edges.map(edgeId) })),
    elements: toElements(
      rows.flatMap((row) => row.nodes),
      rows.flatMap((row) => row.edges),
    ),
  };
}
