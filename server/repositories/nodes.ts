import type { Elements, NodeData } from "../../model/api/elements.ts";
import { RELATIONSHIP_TYPES, type RelationshipType } from "../../model/domain.ts";
import type { Graph } from "../db/graph.ts";
import { type EdgeRow, type NodeRow, toElements, toNodeData } from "../graph/elements.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { dropNulls } from "./drop-nulls.ts";
import { MAX_SUBGRAPH_EDGES } from "./subgraph.ts";

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
 * among the nodes shown, read in one query. `truncated` says more nodes were within reach than
 * `limit` allows.
 */
export async function expandNeighbors(graph: Graph, id: string, query: NeighborQuery): Promise<{ elements: Elements; truncated: boolean }> {
  // The centre takes one of `limit` places, so limit - 1 neighbours fit; reading one more
  // (limit in all) tells "exactly this many" from "more exist".
  const row = await graph.readOne<{ nodes: NodeRow[]; edges: EdgeRow[]; truncated: boolean }>("expand-neighbors", {
    id,
    depth: query.depth,
    relTypes: query.relTypes,
    labels: query.labels,
    want: query.limit,
    edgeLimit: MAX_SUBGRAPH_EDGES,
  });
  if (!row) throw new NotFoundError(`node ${id}`);
  // The query returns the centre first, then the neighbours nearest first; toElements keeps that order.
  return { elements: toElements(row.nodes, row.edges), truncated: row.truncated };
}
