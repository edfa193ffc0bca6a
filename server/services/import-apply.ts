import { randomBytes } from "node:crypto";
import type { ImportBatch } from "../../model/api/imports.ts";
import type { Graph, NamedTransaction } from "../db/graph.ts";
import { chunks, type ImportPlan, planImport } from "../import/plan.ts";
import { errorsOf } from "../import/problems.ts";
import type { ParsedImport } from "../import/read-records.ts";
import {
  CHUNK_WRITES,
  type EntityOp,
  IMPORT_TIMEOUT_MS,
  SINGLE_TRANSACTION_MAX_WRITES,
  type WriteOp,
  writeOps,
} from "../import/write-ops.ts";
import { refreshChainStatsIn } from "../repositories/chain-stats.ts";
import { recordImportBatch, setImportBatchStatus } from "../repositories/import-batches.ts";
import { claimImportLock, releaseImportLock, takeImportLease, whileHolding } from "../repositories/import-lock.ts";
import { lookupsInGraph, lookupsInTransaction } from "../repositories/import-lookups.ts";
import { publishStaged, stageChunk, writeChunk } from "../repositories/import-writes.ts";
import { recoverInterruptedImports, revertBatch } from "./import-revert.ts";

export type PlanProgress = (done: number, total: number, what: string) => void;

/** Dry run: the plan against the current data, nothing written. */
export async function planImportAgainstGraph(graph: Graph, parsed: ParsedImport, progress: PlanProgress = () => {}): Promise<ImportPlan> {
  return planImport(parsed, lookupsInGraph(graph), (done, total) => progress(done, total, "checking against the database"));
}

/** Refusal of a whole import: nothing was written. */
export class ImportRefusedError extends Error {
  constructor(readonly plan: ImportPlan) {
    super(`import refused: ${errorsOf(plan.problems).length} problem(s), nothing written`);
    this.name = "ImportRefusedError";
  }
}

export interface ImportSource {
  user: string;
  fileName: string;
  fileHash: string;
}

export function newBatchId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `import-${stamp}-${randomBytes(3).toString("hex")}`;
}

function summaryOf(plan: ImportPlan, batchId: string, source: ImportSource, at: string, status: ImportBatch["status"]): ImportBatch {
  return {
    id: batchId,
    user: source.user,
    at,
    fileName: source.fileName,
    fileHash: source.fileHash,
    status,
    entitiesCreated: plan.counts.entities.created,
    entitiesUpdated: plan.counts.entities.updated,
    entitiesUnchanged: plan.counts.entities.unchanged,
    relationsCreated: plan.counts.relations.created,
    relationsUpdated: plan.counts.relations.updated,
    relationsUnchanged: plan.counts.relations.unchanged,
    documentsCreated: plan.counts.documentsCreated,
  };
}

/**
 * Applies an import, all or nothing, holding the import lock (repositories/import-lock.ts) so
 * imports and reverts over the same records run one after another. Up to
 * SINGLE_TRANSACTION_MAX_WRITES writes: ONE write transaction that plans again inside itself (so
 * the comparison sees exactly the data it overwrites), writes only created and changed records,
 * and records an :ImportBatch with its undo record. Larger imports would exceed the server's
 * transaction memory, so they are written in chunks of their own transactions, each with its undo
 * piece, under a lease on the lock that this process keeps alive with a heartbeat. Their new
 * entities are staged out of every read's reach (:ImportStaged, no ties) and published in one
 * transaction together with the first CHUNK_WRITES documents, updates and ties, which is all of
 * them unless there are more: so readers see the import all at once (only the updates and ties
 * past the first CHUNK_WRITES become visible chunk by chunk). The batch stays "applying" until the
 * last chunk commits; if any chunk fails the chunks already written are reverted before the error
 * is reported, and if the process dies instead, the next start (app or CLI) rolls the batch back.
 * A file with any error is refused before anything is written, in both cases.
 */
export async function applyImport(
  graph: Graph,
  parsed: ParsedImport,
  source: ImportSource,
  progress: PlanProgress = () => {},
): Promise<{ plan: ImportPlan; batch: ImportBatch | undefined }> {
  if (errorsOf(parsed.problems).length > 0) throw new ImportRefusedError(await planImportAgainstGraph(graph, parsed));
  await recoverInterruptedImports(graph);
  const batchId = newBatchId();
  const at = new Date().toISOString();
  let written = 0;
  const ticker = (total: number) => (n: number, what: string) => {
    written += n;
    progress(written, Math.max(total, 1), `writing ${what}`);
  };
  const checking = (done: number, total: number) => progress(done, total, "checking against the database");

  if (parsed.entities.length + parsed.relations.length <= SINGLE_TRANSACTION_MAX_WRITES) {
    return graph.writeTransaction(async (tx) => {
      await claimImportLock(tx, batchId);
      const plan = await planImport(parsed, lookupsInTransaction(tx), checking);
      if (errorsOf(plan.problems).length > 0) throw new ImportRefusedError(plan);
      const ops = writeOps(plan, batchId, source.user);
      // Re-importing an unchanged file is a no-op: no writes and no batch record.
      if (ops.length === 0) return { plan, batch: undefined };
      await writeChunk(tx, batchId, 0, ops, ticker(ops.length));
      await refreshChainStatsIn(tx);
      const batch = summaryOf(plan, batchId, source, at, "applied");
      await recordImportBatch(tx, batch);
      return { plan, batch };
    }, IMPORT_TIMEOUT_MS);
  }

  // The lease is taken before planning, so no other import changes what the plan compared against.
  await graph.writeTransaction(async (tx) => {
    await claimImportLock(tx, batchId);
    await takeImportLease(tx, batchId, "apply");
  });
  let recorded = false;
  try {
    const outcome = await whileHolding(graph, batchId, async () => {
      const plan = await planImport(parsed, lookupsInGraph(graph), checking);
      if (errorsOf(plan.problems).length > 0) throw new ImportRefusedError(plan);
      const ops = writeOps(plan, batchId, source.user);
      if (ops.length === 0) return { plan, batch: undefined };
      await graph.writeTransaction((tx) => recordImportBatch(tx, summaryOf(plan, batchId, source, at, "applying")));
      recorded = true;
      const tick = ticker(ops.length);
      const created = ops.filter((o): o is EntityOp => o.op === "entity" && o.status === "created");
      const [first = [], ...later] = chunks(
        ops.filter((o) => !(o.op === "entity" && o.status === "created")),
        CHUNK_WRITES,
      );
      let seq = 0;
      for (const chunk of chunks(created, CHUNK_WRITES)) {
        await graph.writeTransaction((tx) => stageChunk(tx, batchId, seq, chunk, tick), IMPORT_TIMEOUT_MS);
        seq += 1;
      }
      // One transaction makes every new entity visible at once, with the first (usually the only)
      // chunk of documents, updates and ties; the batch is "applied" in it unless more chunks follow.
      const publish = async (tx: NamedTransaction, chunk: WriteOp[], last: boolean) => {
        await writeChunk(tx, batchId, seq, chunk, tick);
        if (last) {
          await refreshChainStatsIn(tx);
          await setImportBatchStatus(tx, batchId, "applied");
          await releaseImportLock(tx, batchId);
        }
      };
      await graph.writeTransaction(async (tx) => {
        await publishStaged(tx, batchId, created);
        await publish(tx, first, later.length === 0);
      }, IMPORT_TIMEOUT_MS);
      for (const [index, chunk] of later.entries()) {
        seq += 1;
        await graph.writeTransaction((tx) => publish(tx, chunk, index === later.length - 1), IMPORT_TIMEOUT_MS);
      }
      return { plan, batch: summaryOf(plan, batchId, source, at, "applied") };
    });
    if (!outcome.batch) await graph.writeTransaction((tx) => releaseImportLock(tx, batchId));
    return outcome;
  } catch (error) {
    // Compensate: take back every chunk that did commit, so the import leaves nothing behind. If
    // that fails too (Neo4j gone), the batch stays "applying" and the next start rolls it back.
    if (recorded) await revertBatch(graph, batchId, "automatic rollback after a failed import").catch(() => {});
    else await graph.writeTransaction((tx) => releaseImportLock(tx, batchId)).catch(() => {});
    throw error;
  }
}
