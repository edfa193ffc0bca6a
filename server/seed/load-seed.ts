import { addCounts, type Graph, NO_WRITES, type WriteCounts } from "../db/graph.ts";
import { refreshFirmScorePartsIn } from "../repositories/firm-score-parts.ts";
import type { GraphRows } from "./to-graph-rows.ts";

const BATCH = 1000;

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

/**
 * Writes seed rows in one transaction: documents, then entities label by label, then
 * relationships type by type, each as batched UNWIND … MERGE. A failure anywhere writes nothing.
 */
export async function loadSeedRows(
  graph: Graph,
  rows: GraphRows,
  progress: (done: number, total: number, what: string) => void = () => {},
): Promise<WriteCounts> {
  const entityCount = [...rows.entities.values()].reduce((n, list) => n + list.length, 0);
  const relationCount = [...rows.relations.values()].reduce((n, list) => n + list.length, 0);
  const total = rows.documents.length + entityCount + relationCount;
  let done = 0;
  return graph.writeTransaction(async (tx) => {
    let counts = NO_WRITES;
    for (const batch of batches(rows.documents)) {
      counts = addCounts(counts, await tx.runCounted("merge-documents", { rows: batch }));
      done += batch.length;
      progress(done, total, "documents");
    }
    for (const [label, list] of rows.entities) {
      for (const batch of batches(list)) {
        counts = addCounts(counts, await tx.runCounted("merge-entities", { label, rows: batch }));
        done += batch.length;
        progress(done, total, label);
      }
    }
    // merge-entities replaces a node's properties: the firms get their score parts back.
    await refreshFirmScorePartsIn(
      tx,
      (rows.entities.get("Firm") ?? []).map((row) => row.id),
    );
    for (const [type, list] of rows.relations) {
      for (const batch of batches(list)) {
        counts = addCounts(counts, await tx.runCounted("merge-relations", { type, rows: batch }));
        done += batch.length;
        progress(done, total, type);
      }
    }
    return counts;
  }, 120_000);
}
