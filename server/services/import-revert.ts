import type { ImportBatch } from "../../model/api/imports.ts";
import type { Graph } from "../db/graph.ts";
import { chunks } from "../import/plan.ts";
import {
  CHUNK_WRITES,
  emptyUndo,
  IMPORT_TIMEOUT_MS,
  SINGLE_TRANSACTION_MAX_WRITES,
  type UndoRecord,
  undoSize,
} from "../import/write-ops.ts";
import { findImportBatch, listUnfinishedImportBatches, readImportUndo, setImportBatchStatus } from "../repositories/import-batches.ts";
import {
  claimImportLock,
  ImportBusyError,
  leaseIsLive,
  readImportLease,
  STALE_HEARTBEAT_MS,
  takeImportLease,
  whileHolding,
} from "../repositories/import-lock.ts";
import { findRevertConflicts, finishRevert, undoChanges } from "../repositories/import-writes.ts";
import { keepRevertedFirms } from "../repositories/snapshots.ts";

export class RevertConflictError extends Error {
  constructor(
    message: string,
    readonly conflicts: { id: string; reason: string }[] = [],
  ) {
    super(message);
    this.name = "RevertConflictError";
  }
}

/**
 * Reverts an import: removes what it created and writes back the values it overwrote. Refused
 * when a later import touched the same records (revert that first) or when something else has
 * since tied itself to a record the import created. One transaction up to
 * SINGLE_TRANSACTION_MAX_WRITES; beyond, the batch is marked "reverting" and undone in chunks
 * under a heartbeated lease on the import lock (running the revert again, or the next start,
 * finishes an interrupted one).
 */
export async function revertImportBatch(graph: Graph, id: string, user: string): Promise<ImportBatch | null> {
  await recoverInterruptedImports(graph);
  return revertBatch(graph, id, user);
}

/** The revert itself, without recovering others first (recovery and a failed import's compensation call it). */
export async function revertBatch(graph: Graph, id: string, user: string, staleAfterMs = STALE_HEARTBEAT_MS): Promise<ImportBatch | null> {
  const first = await graph.writeTransaction(async (tx) => {
    await claimImportLock(tx, id, staleAfterMs);
    const found = await findImportBatch(tx, id);
    if (!found) return { kind: "done" as const, batch: null };
    if (found.status === "reverted") throw new RevertConflictError(`import ${id} was already reverted on ${String(found.revertedAt)}`);
    const undo = await readImportUndo(tx, id);
    // A batch still applying or half reverted is taken back as far as it got, without the check.
    if (found.status === "applied") {
      const conflicts = await findRevertConflicts(tx, id, undo);
      if (conflicts.length > 0) {
        throw new RevertConflictError(
          `cannot revert ${id}: ${conflicts.length} record(s) changed since (revert later imports first)`,
          conflicts.slice(0, 20),
        );
      }
    }
    // The change report names what a revert removed: the firms are kept on the batch record first.
    if (found.revertedFirms === undefined) await keepRevertedFirms(tx, id, undo.createdEntities);
    if (undoSize(undo) > SINGLE_TRANSACTION_MAX_WRITES) {
      await takeImportLease(tx, id, "revert");
      await setImportBatchStatus(tx, id, "reverting");
      return { kind: "chunked" as const, undo };
    }
    await undoChanges(tx, id, undo);
    return { kind: "done" as const, batch: await finishRevert(tx, id, user, undo) };
  }, IMPORT_TIMEOUT_MS);
  if (first.kind === "done") return first.batch;
  const { undo } = first;
  const parts: UndoRecord[] = [];
  for (const c of chunks(undo.createdRelations, CHUNK_WRITES)) parts.push({ ...emptyUndo(), createdRelations: c });
  for (const c of chunks(undo.createdEntities, CHUNK_WRITES)) parts.push({ ...emptyUndo(), createdEntities: c });
  for (const c of chunks(undo.updatedEntities, CHUNK_WRITES)) parts.push({ ...emptyUndo(), updatedEntities: c });
  for (const c of chunks(undo.updatedRelations, CHUNK_WRITES)) parts.push({ ...emptyUndo(), updatedRelations: c });
  return whileHolding(graph, id, async () => {
    for (const part of parts) await graph.writeTransaction((tx) => undoChanges(tx, id, part), IMPORT_TIMEOUT_MS);
    return graph.writeTransaction((tx) => finishRevert(tx, id, user, undo), IMPORT_TIMEOUT_MS);
  });
}

/**
 * Takes back imports and reverts that a killed process left half-written (chunked work commits
 * piece by piece): run at start-up by the app and the import CLI, and before every import and
 * revert. A batch is rolled back as soon as its owner is provably gone (import-lock.ts): at once
 * when that process is dead on this host, after STALE_HEARTBEAT_MS of silence otherwise. A batch
 * that cannot be rolled back now (another process is taking it back, a conflict) is reported
 * through `log` and left for the next run. Returns the ids rolled back.
 */
export async function recoverInterruptedImports(
  graph: Graph,
  staleAfterMs = STALE_HEARTBEAT_MS,
  log: (line: string) => void = (line) => console.warn(line),
): Promise<string[]> {
  const unfinished = await listUnfinishedImportBatches(graph);
  if (unfinished.length === 0) return [];
  const lease = await readImportLease(graph);
  const recovered: string[] = [];
  for (const id of unfinished) {
    if (lease.holder === id && leaseIsLive(lease, staleAfterMs)) continue;
    try {
      await revertBatch(graph, id, "automatic recovery of an interrupted import", staleAfterMs);
      recovered.push(id);
    } catch (error) {
      if (!(error instanceof RevertConflictError || error instanceof ImportBusyError)) throw error;
      log(`The interrupted import ${id} is not rolled back yet: ${error.message}`);
    }
  }
  return recovered;
}
