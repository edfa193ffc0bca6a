import type { Graph } from "../db/graph.ts";
import type { BatchMark } from "../snapshots/timeline.ts";

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
