import type { Elements } from "../../model/api/elements.ts";
import { RELATIONSHIP_TYPES, type RelationshipType } from "../../model/domain.ts";
import type { Graph } from "../db/graph.ts";
import { type EdgeRow, type NodeRow, toElements } from "../graph/elements.ts";
import { NotFoundError } from "../lib/not-found.ts";

/** Most relationships one subgraph read returns; a selection denser than this is cut. */
export const MAX_SUBGRAPH_EDGES = 100_000;

/** The entities with these ids and the relationships among them (of the given types), as elements. */
export async function subgraphAmong(
  graph: Graph,
  ids: string[],
  relTypes: readonly RelationshipType[] = RELATIONSHIP_TYPES,
): Promise<Elements> {
  const row = await graph.readOne<{ nodes: NodeRow[]; edges: EdgeRow[] }>("get-subgraph", {
    ids,
    relTypes,
    edgeLimit: MAX_SUBGRAPH_EDGES,
  });
  const elements = toElements(row?.nodes ?? [], row?.edges ?? []);
  // Keep the caller's order (the centre first, nearest neighbours next).
  const order = new Map(ids.map((id, i) => [id, i]));
  elements.nodes.sort((a, b) => (order.get(a.data.id) ?? 0) - (order.get(b.data.id) ?? 0));
  return elements;
}

/** Throws a 404 naming the ids (up to a few) that match no entity. */
export async function assertEntitiesExist(graph: Graph, ids: string[], field: string): Promise<void> {
  const row = await graph.readOne<{ missing: string[] }>("find-missing-entities", { ids });
  const missing = row?.missing ?? [];
  if (missing.length === 0) return;
  const shown = missing.slice(0, 5).join(", ");
  throw new NotFoundError(`${field}: ${missing.length === 1 ? "entity" : "entities"} ${shown}${missing.length > 5 ? " …" : ""}`);
}

/**
 * The subgraph a client selected for export: these entities and either all relationships among
 * them or only the listed ones. Unknown node ids are a 404 (the selection is stale).
 */
export async function selectedSubgraph(graph: Graph, nodeIds: string[], edgeIds?: string[]): Promise<Elements> {
  const ids = [...new Set(nodeIds)];
  await assertEntitiesExist(graph, ids, "nodeIds");
  const elements = await subgraphAmong(graph, ids);
  if (!edgeIds) return elements;
  const wanted = new Set(edgeIds);
  return { nodes: elements.nodes, edges: elements.edges.filter((e) => wanted.has(e.data.id)) };
}
