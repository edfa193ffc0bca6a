import { createHash } from "node:crypto";
import type { Graph } from "../../server/db/graph.ts";

interface PageRow {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
  out: { type: string; to: string; props: Record<string, unknown> }[];
}

/** JSON with object keys sorted, so property order (which Neo4j does not keep) cannot change the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Properties without their empty lists: neo4j-admin import cannot store one (csv-export.ts). */
function withoutEmptyLists(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => !(Array.isArray(v) && v.length === 0)));
}

/**
 * A SHA-256 over every synthetic node (id, labels, properties) and its outgoing relationships
 * (type, target id, properties), read page by page in id order: equal graphs give equal sums.
 * `emptyListsAsAbsent` hashes an empty list property as if it were not there, so an online load and
 * an offline (neo4j-admin) import of the same graph can be compared.
 */
export async function syntheticChecksum(
  graph: Graph,
  pageSize = 5_000,
  { emptyListsAsAbsent = false } = {},
): Promise<{ sha256: string; nodes: number; relationships: number }> {
  const clean = emptyListsAsAbsent ? withoutEmptyLists : (props: Record<string, unknown>) => props;
  const hash = createHash("sha256");
  let after = "";
  let nodes = 0;
  let relationships = 0;
  for (;;) {
    const rows = await graph.read<PageRow>("list-synthetic-page", { after, limit: pageSize }, 120_000);
    if (rows.length === 0) break;
    for (const row of rows) {
      const out = row.out.map((rel) => canonical({ ...rel, props: clean(rel.props) })).sort();
      hash.update(canonical({ id: row.id, labels: [...row.labels].sort(), props: clean(row.props) }));
      for (const rel of out) hash.update(rel);
      hash.update("\n");
      nodes += 1;
      relationships += out.length;
    }
    after = rows[rows.length - 1]!.id;
  }
  return { sha256: hash.digest("hex"), nodes, relationships };
}
