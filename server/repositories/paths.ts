import type { Elements } from "../../model/api/elements.ts";
import type { Graph } from "../db/graph.ts";
import { type EdgeRow, edgeId, type NodeRow, toElements } from "../graph/elements.ts";
import { assertEntitiesExist } from "./subgraph.ts";

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  limit: number;
}

export interface Paths {
  paths: { nodeIds: string[]; edgeIds: string[] }[];
  elements: Elements;
}

/** The shortest ways two entities are connected (all of equal length), with every node and edge on them. */
export async function findPaths(graph: Graph, query: PathQuery): Promise<Paths> {
  await assertEntitiesExist(graph, [query.from], "from");
  await assertEntitiesExist(graph, [query.to], "to");
  const rows = await graph.read<{ nodes: NodeRow[]; edges: EdgeRow[] }>("find-paths", { ...query });
  return {
    paths: rows.map((row) => ({ nodeIds: row.nodes.map((n) => n.id), edgeIds: row.edges.map(edgeId) })),
    elements: toElements(
      rows.flatMap((row) => row.nodes),
      rows.flatMap((row) => row.edges),
    ),
  };
}
