import { createHash } from "node:crypto";
import type { Graph } from "../../server/db/graph.ts";

/**
 * The graph's content — entities, documents, import batches and every relationship, with labels
 * and properties — hashed, leaving out the audit log (which grows with every audited request) and
 * the data stamp (which every import and revert bumps) and the per-chain stats (derived from the
 * graph and restamped on every write, server/repositories/chain-stats.ts).
 * Equal checksums mean nothing a user could see has changed.
 */
export async function graphChecksum(graph: Graph): Promise<{ nodes: number; relationships: number; sha256: string }> {
  const nodes = await graph.runRaw(
    "MATCH (n) WHERE NOT n:AuditEntry AND NOT n:ImportLock AND NOT n:DataVersion AND NOT n:ChainStats RETURN labels(n) AS labels, [k IN keys(n) | [k, n[k]]] AS props",
  );
  const rels = await graph.runRaw(
    "MATCH (a)-[r]->(b) WHERE NOT a:AuditEntry AND NOT b:AuditEntry RETURN type(r) AS type, a.id AS from, b.id AS to, [k IN keys(r) | [k, r[k]]] AS props",
  );
  const canonical = (rows: Record<string, unknown>[]) =>
    rows
      .map((row) =>
        JSON.stringify({
          ...row,
          labels: [...((row.labels as string[]) ?? [])].sort(),
          props: [...(row.props as [string, unknown][])].sort(([a], [b]) => String(a).localeCompare(String(b))),
        }),
      )
      .sort();
  const hash = createHash("sha256");
  for (const line of canonical(nodes)) hash.update(`${line}\n`);
  hash.update("--\n");
  for (const line of canonical(rels)) hash.update(`${line}\n`);
  return { nodes: nodes.length, relationships: rels.length, sha256: hash.digest("hex") };
}
