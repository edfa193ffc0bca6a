import type { ImportBatch } from "../../model/api/imports.ts";
import { storedScoreParts } from "../analysis/signals.ts";
import type { NamedTransaction } from "../db/graph.ts";
import { chunks } from "../import/plan.ts";
import { citedDocuments, type EntityOp, emptyUndo, groupBy, type UndoRecord, WRITE_BATCH, type WriteOp } from "../import/write-ops.ts";
import { refreshChainStatsIn } from "./chain-stats.ts";
import { refreshFirmScorePartsIn } from "./firm-score-parts.ts";
import { releaseImportLock } from "./import-lock.ts";

/** Writes some of a plan's operations in the given transaction and records their undo piece. */
export async function writeChunk(
  tx: NamedTransaction,
  batchId: string,
  seq: number,
  ops: WriteOp[],
  tick: (n: number, what: string) => void,
) {
  const undo: UndoRecord = { ...emptyUndo(), citedDocuments: citedDocuments(ops) };
  const documents = ops.filter((o): o is Extract<WriteOp, { op: "document" }> => o.op === "document");
  for (const batch of chunks(documents, WRITE_BATCH)) {
    await tx.run("merge-import-documents", { batch: batchId, rows: batch.map(({ id, props }) => ({ id, props })) });
    undo.createdDocuments.push(...batch.map((d) => d.id));
    tick(batch.length, "documents");
  }
  const entities = groupBy(
    ops.filter((o): o is EntityOp => o.op === "entity"),
    (o) => o.label,
  );
  for (const [label, list] of entities) {
    for (const batch of chunks(list, WRITE_BATCH)) {
      await tx.run("merge-import-entities", { label, rows: batch.map(({ id, props }) => ({ id, props })) });
      tick(batch.length, label);
    }
    for (const o of list) {
      if (o.status === "created") undo.createdEntities.push(o.id);
      else undo.updatedEntities.push({ label, id: o.id, props: o.previous });
    }
  }
  // A firm's tags, name or aliases may have changed (an update carries only some fields): its stored score parts follow.
  await refreshFirmScorePartsIn(
    tx,
    ops.filter((o): o is EntityOp => o.op === "entity").map((o) => o.id),
  );
  const relations = groupBy(
    ops.filter((o): o is Extract<WriteOp, { op: "relation" }> => o.op === "relation"),
    (o) => o.type,
  );
  for (const [type, list] of relations) {
    for (const batch of chunks(list, WRITE_BATCH)) {
      await tx.run("merge-import-relations", { type, rows: batch.map(({ from, to, key, props }) => ({ from, to, key, props })) });
      tick(batch.length, type);
    }
    for (const o of list) {
      if (o.status === "created") undo.createdRelations.push({ type, from: o.from, to: o.to, key: o.key });
      else undo.updatedRelations.push({ type, from: o.from, to: o.to, key: o.key, props: o.previous });
    }
  }
  await tx.run("record-import-undo", { batch: batchId, seq, undo: JSON.stringify(undo) });
  await bumpDataVersion(tx);
}

/** Tells every app instance's caches that the graph changed (server/repositories/chains.ts). */
function bumpDataVersion(tx: NamedTransaction) {
  return tx.run("bump-data-version", { at: new Date().toISOString() });
}

/** New entities of a chunked import, staged where no read reaches them, with their undo piece. */
export async function stageChunk(
  tx: NamedTransaction,
  batchId: string,
  seq: number,
  ops: EntityOp[],
  tick: (n: number, what: string) => void,
) {
  for (const [label, list] of groupBy(ops, (o) => o.label)) {
    for (const batch of chunks(list, WRITE_BATCH)) {
      await tx.run("stage-import-entities", {
        rows: batch.map(({ id, props }) => ({ id, props: label === "Firm" ? withScoreParts(props) : props })),
      });
      tick(batch.length, label);
    }
  }
  const undo: UndoRecord = { ...emptyUndo(), createdEntities: ops.map((o) => o.id), citedDocuments: citedDocuments(ops) };
  await tx.run("record-import-undo", { batch: batchId, seq, undo: JSON.stringify(undo) });
}

/** Makes staged entities visible to every read. */
export async function publishStaged(tx: NamedTransaction, batchId: string, ops: EntityOp[]) {
  for (const [label, list] of groupBy(ops, (o) => o.label)) {
    for (const batch of chunks(list, WRITE_BATCH))
      await tx.run("publish-import-entities", { batch: batchId, label, ids: batch.map((o) => o.id) });
  }
}

/**
 * A new firm's stored score parts, computed from its own row: staged firms carry them already, so
 * the import's last transaction (which publishes them all) does not grow by a refresh of every one.
 */
function withScoreParts(props: Record<string, unknown>): Record<string, unknown> {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : undefined);
  return { ...props, ...storedScoreParts({ name: String(props.name ?? ""), aliases: list(props.aliases), tags: list(props.tags) }) };
}

/** Takes back (part of) an undo record: deletes what was created, writes back what was overwritten. */
export async function undoChanges(tx: NamedTransaction, id: string, part: UndoRecord) {
  await bumpDataVersion(tx);
  for (const batch of chunks(part.createdRelations, WRITE_BATCH)) await tx.run("delete-import-relations", { batch: id, rows: batch });
  for (const batch of chunks(part.createdEntities, WRITE_BATCH)) await tx.run("delete-import-entities", { batch: id, ids: batch });
  for (const [label, rows] of groupBy(part.updatedEntities, (e) => e.label)) {
    for (const batch of chunks(rows, WRITE_BATCH))
      await tx.run("merge-import-entities", { label, rows: batch.map(({ id, props }) => ({ id, props })) });
  }
  // The restored tags, name and aliases give back the score parts they had.
  await refreshFirmScorePartsIn(
    tx,
    part.updatedEntities.map((e) => e.id),
  );
  for (const [type, rows] of groupBy(part.updatedRelations, (r) => r.type)) {
    for (const batch of chunks(rows, WRITE_BATCH)) {
      await tx.run("merge-import-relations", { type, rows: batch.map(({ from, to, key, props }) => ({ from, to, key, props })) });
    }
  }
}

/** Records the batch touched that changed since (a later import, a new tie to a created record); at most about 20. */
export async function findRevertConflicts(tx: NamedTransaction, batch: string, undo: UndoRecord) {
  const created = new Set(undo.createdEntities);
  const touched = [...undo.createdEntities, ...undo.updatedEntities.map((e) => e.id)];
  const ties = [...undo.createdRelations, ...undo.updatedRelations.map(({ type, from, to, key }) => ({ type, from, to, key }))];
  const conflicts: { id: string; reason: string }[] = [];
  const check = async (params: { touched: string[]; ties: typeof ties; created: string[] }) => {
    if (conflicts.length < 20)
      conflicts.push(...(await tx.run<{ id: string; reason: string }>("find-import-revert-conflicts", { batch, ...params })));
  };
  for (const part of chunks(touched)) await check({ touched: part, ties: [], created: part.filter((id) => created.has(id)) });
  for (const part of chunks(ties)) await check({ touched: [], ties: part, created: [] });
  return conflicts;
}

/** Drops the undo pieces, marks the batch reverted, deletes the documents no longer cited and releases the lock. */
export async function finishRevert(tx: NamedTransaction, id: string, user: string, undo: UndoRecord): Promise<ImportBatch> {
  await tx.run("delete-import-undo", { batch: id });
  const marked = await tx.run<{ batch: Record<string, unknown> }>("revert-import-batch", { id, at: new Date().toISOString(), user });
  // After the batch is marked reverted, so a document it cited that an earlier reverted import created goes too.
  const documents = [...new Set([...undo.createdDocuments, ...(undo.citedDocuments ?? [])])];
  for (const ids of chunks(documents, WRITE_BATCH)) await tx.run("delete-import-documents", { batch: id, ids });
  await refreshChainStatsIn(tx);
  await releaseImportLock(tx, id);
  return marked[0]!.batch as unknown as ImportBatch;
}
