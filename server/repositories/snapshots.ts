import type { Graph, NamedTransaction } from "../db/graph.ts";
import type { BatchMark, RevertedFirm } from "../snapshots/timeline.ts";

/** Import batches a change report looks through at most. */
const BATCH_LIMIT = 1000;

export async function readBatchMarks(graph: Graph): Promise<BatchMark[]> {
  return (await graph.read<{ batch: BatchMark }>("list-import-batches", { limit: BATCH_LIMIT })).map((r) => r.batch);
}

interface Created {
  entities: string[];
  relations: { type: string; from: string; to: string }[];
}

/** What a batch created, from its undo record (the same pieces a revert reads). */
async function createdBy(graph: Graph, batch: string): Promise<Created> {
  const pieces = await graph.read<{ undo: string }>("list-import-undo", { batch });
  const created: Created = { entities: [], relations: [] };
  for (const piece of pieces) {
    const undo = JSON.parse(piece.undo) as { createdEntities?: string[]; createdRelations?: Created["relations"] };
    created.entities.push(...(undo.createdEntities ?? []));
    created.relations.push(...(undo.createdRelations ?? []));
  }
  return created;
}

export async function createdByAll(graph: Graph, batches: string[]): Promise<Created> {
  const all = await Promise.all(batches.map((b) => createdBy(graph, b)));
  return { entities: all.flatMap((c) => c.entities), relations: all.flatMap((c) => c.relations) };
}

/** Firms a revert names at most (per batch): the change report lists them; a bulk import's full list stays in its file. */
export const REVERTED_FIRMS_KEPT = 5000;

/**
 * Keeps on the batch record the firms a revert is about to delete (name, segments, regions), as
 * JSON text (a property holds no list of maps): the undo record goes with the revert, this stays.
 */
export async function keepRevertedFirms(tx: NamedTransaction, batch: string, createdEntities: string[]): Promise<void> {
  const firms = await tx.run<RevertedFirm>("find-reverted-firms", { ids: createdEntities, limit: REVERTED_FIRMS_KEPT });
  if (firms.length === 0) return;
  await tx.run("update-import-batch", { id: batch, props: { revertedFirms: JSON.stringify(firms) } });
}
