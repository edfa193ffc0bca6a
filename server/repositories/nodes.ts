import type { Elements, NodeData } from "../../model/api/elements.ts";
import { RELATIONSHIP_TYPES, type RelationshipType } from "../../model/domain.ts";
import type { Graph } from "../db/graph.ts";
import { type NodeRow, toNodeData } from "../graph/elements.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { dropNulls } from "./drop-nulls.ts";
import { subgraphAmong } from "./subgraph.ts";

export interface DocumentRef {
  id: string;
  title: string;
  outlet?: string;
  date?: string;
  file?: string;
}

export interface NodeDetail {
  node: NodeData;
  documents: DocumentRef[];
  degree: Record<string, number>;
}

/** One entity, the documents its sources cite, and how many relationships of each type it has. */
export async function getNode(graph: Graph, id: string): Promise<NodeDetail> {
  const row = await graph.readOne<{ node: NodeRow; documents: DocumentRef[]; degree: { type: string; count: number }[] }>("get-node", {
    id,
    relTypes: RELATIONSHIP_TYPES,
  });
  if (!row) throw new NotFoundError(`node ${id}`);
  return {
    node: toNodeData(row.node),
    documents: row.documents.map(dropNulls),
    degree: Object.fromEntries(row.degree.map((d) => [d.type, d.count])),
  };
}

export interface NeighborQuery {
  depth: number;
  relTypes: RelationshipType[];
  labels: string[];
  /** Most nodes returned, the centre included. */
  limit: number;
}

/**
 * The neighbourhood of one entity, nearest first, as elements with every allowed relationship
 * among the nodes shown. `truncated` says more nodes were within reach than `limit` allows.
 */
export async function expandNeighbors(graph: Graph, id: string, query: NeighborQuery): Promise<{ elements: Elements; truncated: boolean }> {
  // The centre takes one of `limit` places, so limit - 1 neighbours fit; reading one more
  // (limit in all) tells "exactly this many" from "more exist".
  const want = query.limit;
  const row = await graph.readOne<{ centre: string; ids: string[] }>("expand-neighbors", {
    id,
    depth: query.depth,
    relTypes: query.relTypes,
    labels: query.labels,
    want,
  });
  if (!row) throw new NotFoundError(`node ${id}`);
  const neighbours = row.ids.slice(0, query.limit - 1);
  const elements = await subgraphAmong(graph, [row.centre, ...neighbours], query.relTypes);
  return { elements, truncated: row.ids.length > neighbours.length };
}
