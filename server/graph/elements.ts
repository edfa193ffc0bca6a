import type { EdgeData, Elements, NodeData } from "../../model/api/elements.ts";
import { ENTITY_LABELS } from "../../model/domain.ts";

/**
 * Rows from Cypher arrive in two plain shapes (see cypher/README.md):
 *   node: n {.*, _labels: labels(n)}
 *   edge: {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}
 * and leave as Cytoscape elements. Storage-only properties stay behind.
 */
export interface NodeRow {
  id: string;
  _labels: string[];
  [key: string]: unknown;
}
export interface EdgeRow {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

// importBatch/importedBy are the import's bookkeeping (an editor's token name among them): who
// imported what is for editors, in the import history and the audit log, not in every read and export.
const HIDDEN = new Set(["_labels", "sourceDocs", "sourceQuotes", "aliasesText", "nameInitials", "key", "importBatch", "importedBy"]);

export function entityType(labels: string[]): string {
  const label = ENTITY_LABELS.find((l) => labels.includes(l)) ?? labels.find((l) => l !== "Entity") ?? "Entity";
  return label.toLowerCase();
}

function sources(props: Record<string, unknown>) {
  const docs = (props.sourceDocs as string[] | undefined) ?? [];
  const quotes = (props.sourceQuotes as string[] | undefined) ?? [];
  return docs.map((doc, i) => ({ doc, quote: quotes[i] ?? "" }));
}

function visible(props: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !HIDDEN.has(key)));
}

export function edgeId(row: Pick<EdgeRow, "type" | "from" | "to"> & { props?: Record<string, unknown> }): string {
  const key = row.props?.key;
  return `${row.from}|${row.type}|${row.to}${key ? `|${key}` : ""}`;
}

export function toNodeData(row: NodeRow): NodeData {
  const name = typeof row.name === "string" ? row.name : row.id;
  return { ...visible(row), id: row.id, type: entityType(row._labels), label: name, sources: sources(row) };
}

export function toEdgeData(row: EdgeRow): EdgeData {
  return {
    ...visible(row.props),
    id: edgeId(row),
    source: row.from,
    target: row.to,
    type: row.type,
    sources: sources(row.props),
  };
}

/** Builds elements, dropping duplicate nodes and edges, and edges whose ends are not in the set. */
export function toElements(nodeRows: NodeRow[], edgeRows: EdgeRow[]): Elements {
  const nodes = new Map<string, NodeData>();
  for (const row of nodeRows) if (row && !nodes.has(row.id)) nodes.set(row.id, toNodeData(row));
  const edges = new Map<string, EdgeData>();
  for (const row of edgeRows) {
    if (!row || !nodes.has(row.from) || !nodes.has(row.to)) continue;
    const data = toEdgeData(row);
    edges.set(data.id, data);
  }
  return {
    nodes: [...nodes.values()].map((data) => ({ data })),
    edges: [...edges.values()].map((data) => ({ data })),
  };
}
