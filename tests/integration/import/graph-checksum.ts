import { createHash } from "node:crypto";
import type { Graph } from "../../../server/db/graph.ts";

/**
 * Every node and relationship with its labels, type and properties, hashed: two equal checksums
 * mean the database content is the same (element ids are left out, they are not content).
 */
export async function graphChecksum(graph: Graph): Promise<{ nodes: number; relationships: number; sha256: string }> {
  const nodes = await graph.runRaw(
    "MATCH (n) WITH n, [k IN keys(n) | [k, n[k]]] AS props ORDER BY coalesce(n.id, '') RETURN labels(n) AS labels, props",
  );
  const rels = await graph.runRaw(
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, [k IN keys(r) | [k, r[k]]] AS props",
  );
  const canonical = (rows: Record<string, unknown>[]) =>
    rows
      .map((row) =>
        JSON.stringify({
          ...row,
          labels: [...((row.labels as string[]) ?? [])].sort(),
          props: [...(row.props as [string, unknown][])].sort(),
        }),
      )
      .sort();
  const hash = createHash("sha256");
  for (const line of canonical(nodes)) hash.update(`${line}\n`);
  hash.update("--\n");
  for (const line of canonical(rels)) hash.update(`${line}\n`);
  return { nodes: nodes.length, relationships: rels.length, sha256: hash.digest("hex") };
}
