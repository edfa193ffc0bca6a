import type { ImportBatch } from "../../model/api/imports.ts";
import type { Graph, NamedTransaction } from "../db/graph.ts";
import { mergeUndo, type UndoRecord } from "../import/write-ops.ts";

/** The :ImportBatch records, newest first. */
export async function listImportBatches(graph: Graph, limit = 100): Promise<ImportBatch[]> {
  const rows = await graph.read<{ batch: Record<string, unknown> }>("list-import-batches", { limit });
  return rows.map(({ batch }) => batch as unknown as ImportBatch);
}

/** Ids of batches a process left "applying" or "reverting". */
export async function listUnfinishedImportBatches(graph: Graph): Promise<string[]> {
  const rows = await graph.read<{ id: string }>("find-unfinished-import-batches");
  return rows.map(({ id }) => id);
}

export async function recordImportBatch(tx: NamedTransaction, batch: ImportBatch) {
  await tx.run("record-import-batch", { props: batch });
}

export async function setImportBatchStatus(tx: NamedTransaction, id: string, status: ImportBatch["status"]) {
  await tx.run("update-import-batch", { id, props: { status } });
}

/** The batch's properties as stored, or undefined when there is no such batch. */
export async function findImportBatch(tx: NamedTransaction, id: string): Promise<Record<string, unknown> | undefined> {
  return (await tx.run<{ batch: Record<string, unknown> }>("find-import-batch", { id }))[0]?.batch;
}

/** Everything the batch's committed chunks recorded for a revert, as one record. */
export async function readImportUndo(tx: NamedTransaction, id: string): Promise<UndoRecord> {
  const rows = await tx.run<{ undo: string }>("list-import-undo", { batch: id });
  return mergeUndo(rows.map((row) => row.undo));
}
