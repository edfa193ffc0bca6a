import { randomUUID } from "node:crypto";
import type { Graph } from "../db/graph.ts";

export interface AuditRecord {
  actor: string;
  role: string;
  method: string;
  /** The route pattern (`/api/imports/:id`), so entries group by endpoint. */
  route: string;
  url: string;
  status: number;
  /** The route parameters as JSON: which record the write addressed. */
  target: string;
  /** What changed, as the route reported it (counts, ids), as JSON or plain text. */
  summary: string;
  ip: string;
}

export interface AuditEntry extends AuditRecord {
  id: string;
  at: string;
}

export async function appendAuditEntry(graph: Graph, record: AuditRecord): Promise<string> {
  const id = randomUUID();
  await graph.writeTransaction((tx) => tx.run("append-audit-entry", { id, ...record }), 10_000);
  return id;
}

export async function listAuditEntries(
  graph: Graph,
  filter: { limit: number; actor?: string | undefined; since?: string | undefined },
): Promise<AuditEntry[]> {
  const rows = await graph.read<{ entry: AuditEntry }>("list-audit-entries", {
    limit: filter.limit,
    actor: filter.actor ?? null,
    since: filter.since ?? null,
  });
  return rows.map((row) => row.entry);
}
