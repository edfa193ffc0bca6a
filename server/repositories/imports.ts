import { randomBytes } from "node:crypto";
import type { ImportBatch, ImportProblem } from "../../model/api/imports.ts";
import { type EntityLabel, LABEL_BY_PREFIX, type RelationshipType } from "../../model/domain.ts";
import type { Graph, NamedTransaction, Params, Row } from "../db/graph.ts";
import type { QueryName } from "../db/queries.ts";
import { chunks, type ImportLookups, type ImportPlan, planImport, tieIdentity } from "../import/plan.ts";
import { errorsOf } from "../import/problems.ts";
import type { ParsedImport, Props } from "../import/read-records.ts";
import type { Candidate } from "../import/resolve-names.ts";
import {
  claimImportLock,
  ImportBusyError,
  leaseIsLive,
  readImportLease,
  releaseImportLock,
  STALE_HEARTBEAT_MS,
  takeImportLease,
  whileHolding,
} from "./import-lock.ts";

/** Long enough for a 100k-row file on a small machine; the work is one transaction either way. */
export const IMPORT_TIMEOUT_MS = 10 * 60_000;
const WRITE_BATCH = 2000;

type Runner = (name: QueryName, params: Params) => Promise<Row[]>;

/** The database side of planning: answers which ids, properties and ties exist. */
function lookupsFor(run: Runner): ImportLookups {
  return {
    async entityProps(ids) {
      const rows = await run("find-import-entities", { ids, limit: ids.length });
      return new Map(rows.map((row) => [row.id as string, row.props as Props]));
    },
    async existingIds(ids) {
      const rows = await run("find-existing-ids", { ids, limit: ids.length });
      return new Set(rows.map((row) => row.id as string));
    },
    async relationProps(type, ties) {
      const rows = await run("find-import-relations", {
        type,
        rows: ties.map(({ from, to, key }) => ({ from, to, key })),
        limit: ties.length * 2,
      });
      return new Map(rows.map((row) => [tieIdentity(row as { from: string; to: string; key: string }), row.props as Props]));
    },
    async candidates(label, { names, ids, codes }) {
      const found: Candidate[] = [];
      const keys = [
        ...names.map((v) => ["names", v] as const),
        ...ids.map((v) => ["ids", v] as const),
        ...codes.map((v) => ["codes", v] as const),
      ];
      // Each look-up scans the label once; chunks keep its lists, and its answer, bounded.
      for (const part of chunks(keys)) {
        const pick = (kind: string) => part.filter(([k]) => k === kind).map(([, v]) => v);
        // A name may be shared by a few records (that is what the matching reports), never by thousands.
        const params = { label, names: pick("names"), ids: pick("ids"), codes: pick("codes"), limit: 20 * part.length };
        found.push(...((await run("find-import-candidates", params)) as unknown as Candidate[]));
      }
      return found;
    },
  };
}

export type PlanProgress = (done: number, total: number, what: string) => void;

/** Dry run: the plan against the current data, nothing written. */
export async function planImportAgainstGraph(graph: Graph, parsed: ParsedImport, progress: PlanProgress = () => {}): Promise<ImportPlan> {
  const read: Runner = (name, params) => graph.read(name, params, IMPORT_TIMEOUT_MS);
  return planImport(parsed, lookupsFor(read), (done, total) => progress(done, total, "checking against the database"));
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

/** What a revert needs: what the batch created, the values it overwrote, the documents it cited. */
interface UndoRecord {
  createdEntities: string[];
  createdRelations: { type: RelationshipType; from: string; to: string; key: string }[];
  createdDocuments: string[];
  /** Documents the batch's records cite: once reverted, one created by an import reverted earlier may be left uncited. */
  citedDocuments?: string[];
  updatedEntities: { label: EntityLabel; id: string; props: Props }[];
  updatedRelations: { type: RelationshipType; from: string; to: string; key: string; props: Props }[];
}

export function newBatchId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `import-${stamp}-${randomBytes(3).toString("hex")}`;
}

/**
 * Imports up to this many writes (records + ties) go in ONE transaction. Measured: 100,000 new
 * firms with ~10 properties each need ~750 MB of transaction state, more than a Neo4j with the
 * default 1 GB heap grants all transactions together (70% of the heap); larger imports are
 * written in chunks instead (see applyImport).
 */
export const SINGLE_TRANSACTION_MAX_WRITES = 20_000;
const CHUNK_WRITES = 10_000;

/** One write of a plan: a document, an entity or a tie to create or update. */
type WriteOp =
  | { op: "document"; id: string; props: Props }
  | { op: "entity"; status: "created" | "updated"; label: EntityLabel; id: string; props: Props; previous: Props }
  | {
      op: "relation";
      status: "created" | "updated";
      type: RelationshipType;
      from: string;
      to: string;
      key: string;
      props: Props;
      previous: Props;
    };

function writeOps(plan: ImportPlan, batchId: string, user: string): WriteOp[] {
  const stamp: Props = { importBatch: batchId, importedBy: user };
  const ops: WriteOp[] = plan.documents.map((doc) => ({
    op: "document" as const,
    id: doc.id,
    props: withoutNulls({ id: doc.id, title: doc.title, date: doc.date ?? null, outlet: "导入 import" }),
  }));
  for (const entry of plan.entities) {
    if (entry.status === "unchanged") continue;
    const { label, id } = entry.item;
    const props = entry.status === "created" ? withoutNulls(entry.item.props) : afterValues(entry.changes);
    ops.push({
      op: "entity",
      status: entry.status,
      label,
      id,
      props: { ...props, ...stamp },
      previous: previousValues(entry.changes, entry.before),
    });
  }
  for (const entry of plan.relations) {
    if (entry.status === "unchanged") continue;
    const { type, from, to, key } = entry.item;
    const props = entry.status === "created" ? withoutNulls(entry.item.props) : afterValues(entry.changes);
    ops.push({
      op: "relation",
      status: entry.status,
      type,
      from,
      to,
      key,
      props: { ...props, ...stamp },
      previous: previousValues(entry.changes, entry.before),
    });
  }
  return ops;
}

/** Writes some of a plan's operations in the given transaction and records their undo piece. */
async function writeChunk(tx: NamedTransaction, batchId: string, seq: number, ops: WriteOp[], tick: (n: number, what: string) => void) {
  const undo: UndoRecord = { ...emptyUndo(), citedDocuments: citedDocuments(ops) };
  const documents = ops.filter((o): o is Extract<WriteOp, { op: "document" }> => o.op === "document");
  for (const batch of chunks(documents, WRITE_BATCH)) {
    await tx.run("merge-import-documents", { batch: batchId, rows: batch.map(({ id, props }) => ({ id, props })) });
    undo.createdDocuments.push(...batch.map((d) => d.id));
    tick(batch.length, "documents");
  }
  const entities = groupBy(
    ops.filter((o): o is Extract<WriteOp, { op: "entity" }> => o.op === "entity"),
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

type EntityOp = Extract<WriteOp, { op: "entity" }>;

/** New entities of a chunked import, staged where no read reaches them, with their undo piece. */
async function stageChunk(tx: NamedTransaction, batchId: string, seq: number, ops: EntityOp[], tick: (n: number, what: string) => void) {
  for (const [label, list] of groupBy(ops, (o) => o.label)) {
    for (const batch of chunks(list, WRITE_BATCH)) {
      await tx.run("stage-import-entities", { rows: batch.map(({ id, props }) => ({ id, props })) });
      tick(batch.length, label);
    }
  }
  const undo: UndoRecord = { ...emptyUndo(), createdEntities: ops.map((o) => o.id), citedDocuments: citedDocuments(ops) };
  await tx.run("record-import-undo", { batch: batchId, seq, undo: JSON.stringify(undo) });
}

async function publishStaged(tx: NamedTransaction, batchId: string, ops: EntityOp[]) {
  for (const [label, list] of groupBy(ops, (o) => o.label)) {
    for (const batch of chunks(list, WRITE_BATCH))
      await tx.run("publish-import-entities", { batch: batchId, label, ids: batch.map((o) => o.id) });
  }
}

function citedDocuments(ops: WriteOp[]): string[] {
  const cited = new Set<string>();
  for (const o of ops) {
    const docs = o.op === "document" ? [] : o.props.sourceDocs;
    if (Array.isArray(docs)) for (const doc of docs) cited.add(String(doc));
  }
  return [...cited];
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
 * Applies an import, all or nothing, holding the import lock (import-lock.ts) so imports and
 * reverts over the same records run one after another. Up to SINGLE_TRANSACTION_MAX_WRITES
 * writes: ONE write transaction that plans again inside itself (so the comparison sees exactly
 * the data it overwrites), writes only created and changed records, and records an :ImportBatch
 * with its undo record. Larger imports would exceed the server's transaction memory, so they are
 * written in chunks of their own transactions, each with its undo piece, under a lease on the
 * lock that this process keeps alive with a heartbeat. Their new entities are staged out of
 * every read's reach (:ImportStaged, no ties) and published in one transaction together with the
 * first CHUNK_WRITES documents, updates and ties, which is all of them unless there are more: so
 * readers see the import all at once (only the updates and ties past the first CHUNK_WRITES
 * become visible chunk by chunk). The batch stays "applying" until the last chunk commits; if
 * any chunk fails the chunks already written are reverted before the error is reported, and if
 * the process dies instead, the next start (app or CLI) rolls the batch back.
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
      const plan = await planImport(
        parsed,
        lookupsFor((name, params) => tx.run(name, params)),
        checking,
      );
      if (errorsOf(plan.problems).length > 0) throw new ImportRefusedError(plan);
      const ops = writeOps(plan, batchId, source.user);
      // Re-importing an unchanged file is a no-op: no writes and no batch record.
      if (ops.length === 0) return { plan, batch: undefined };
      await writeChunk(tx, batchId, 0, ops, ticker(ops.length));
      const batch = summaryOf(plan, batchId, source, at, "applied");
      await tx.run("record-import-batch", { props: batch });
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
      const plan = await planImport(
        parsed,
        lookupsFor((name, params) => graph.read(name, params, IMPORT_TIMEOUT_MS)),
        checking,
      );
      if (errorsOf(plan.problems).length > 0) throw new ImportRefusedError(plan);
      const ops = writeOps(plan, batchId, source.user);
      if (ops.length === 0) return { plan, batch: undefined };
      await graph.writeTransaction((tx) => tx.run("record-import-batch", { props: summaryOf(plan, batchId, source, at, "applying") }));
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
          await tx.run("update-import-batch", { id: batchId, props: { status: "applied" } });
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

function groupBy<T, K>(list: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return groups;
}

/** Values to SET for an update: the new value of each changed property (null removes it). */
function afterValues(changes: Record<string, { after: unknown }>): Props {
  return Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.after])) as Props;
}

/** What a revert writes back: the old value of each changed property, and the old batch stamp. */
function previousValues(changes: Record<string, { before: unknown }>, before: Props): Props {
  return {
    ...(Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.before])) as Props),
    importBatch: before.importBatch ?? null,
    importedBy: before.importedBy ?? null,
  };
}

function withoutNulls(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== null)) as Props;
}

export async function listImportBatches(graph: Graph, limit = 100): Promise<ImportBatch[]> {
  const rows = await graph.read<{ batch: Record<string, unknown> }>("list-import-batches", { limit });
  return rows.map(({ batch }) => batch as unknown as ImportBatch);
}

export class RevertConflictError extends Error {
  constructor(
    message: string,
    readonly conflicts: { id: string; reason: string }[] = [],
  ) {
    super(message);
    this.name = "RevertConflictError";
  }
}

function mergeUndo(pieces: { undo: string }[]): UndoRecord {
  const all: UndoRecord = { ...emptyUndo(), citedDocuments: [] };
  for (const piece of pieces) {
    const undo = JSON.parse(piece.undo) as UndoRecord;
    all.createdEntities.push(...undo.createdEntities);
    all.createdRelations.push(...undo.createdRelations);
    all.createdDocuments.push(...undo.createdDocuments);
    all.citedDocuments!.push(...(undo.citedDocuments ?? []));
    all.updatedEntities.push(...undo.updatedEntities);
    all.updatedRelations.push(...undo.updatedRelations);
  }
  return all;
}

const undoSize = (undo: UndoRecord) =>
  undo.createdEntities.length + undo.createdRelations.length + undo.updatedEntities.length + undo.updatedRelations.length;

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

async function revertBatch(graph: Graph, id: string, user: string, staleAfterMs = STALE_HEARTBEAT_MS): Promise<ImportBatch | null> {
  const first = await graph.writeTransaction(async (tx) => {
    await claimImportLock(tx, id, staleAfterMs);
    const found = (await tx.run<{ batch: Record<string, unknown> }>("find-import-batch", { id }))[0];
    if (!found) return { kind: "done" as const, batch: null };
    if (found.batch.status === "reverted")
      throw new RevertConflictError(`import ${id} was already reverted on ${String(found.batch.revertedAt)}`);
    const undo = mergeUndo(await tx.run<{ undo: string }>("list-import-undo", { batch: id }));
    // A batch still applying or half reverted is taken back as far as it got, without the check.
    if (found.batch.status === "applied") await checkRevertConflicts(tx, id, undo);
    if (undoSize(undo) > SINGLE_TRANSACTION_MAX_WRITES) {
      await takeImportLease(tx, id, "revert");
      await tx.run("update-import-batch", { id, props: { status: "reverting" } });
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
  const unfinished = await graph.read<{ id: string }>("find-unfinished-import-batches");
  if (unfinished.length === 0) return [];
  const lease = await readImportLease(graph);
  const recovered: string[] = [];
  for (const { id } of unfinished) {
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

const emptyUndo = (): UndoRecord => ({
  createdEntities: [],
  createdRelations: [],
  createdDocuments: [],
  updatedEntities: [],
  updatedRelations: [],
});

async function undoChanges(tx: NamedTransaction, id: string, part: UndoRecord) {
  await bumpDataVersion(tx);
  for (const batch of chunks(part.createdRelations, WRITE_BATCH)) await tx.run("delete-import-relations", { batch: id, rows: batch });
  for (const batch of chunks(part.createdEntities, WRITE_BATCH)) await tx.run("delete-import-entities", { batch: id, ids: batch });
  for (const [label, rows] of groupBy(part.updatedEntities, (e) => e.label)) {
    for (const batch of chunks(rows, WRITE_BATCH))
      await tx.run("merge-import-entities", { label, rows: batch.map(({ id, props }) => ({ id, props })) });
  }
  for (const [type, rows] of groupBy(part.updatedRelations, (r) => r.type)) {
    for (const batch of chunks(rows, WRITE_BATCH)) {
      await tx.run("merge-import-relations", { type, rows: batch.map(({ from, to, key, props }) => ({ from, to, key, props })) });
    }
  }
}

async function checkRevertConflicts(tx: NamedTransaction, batch: string, undo: UndoRecord) {
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
  if (conflicts.length > 0) {
    throw new RevertConflictError(
      `cannot revert ${batch}: ${conflicts.length} record(s) changed since (revert later imports first)`,
      conflicts.slice(0, 20),
    );
  }
}

async function finishRevert(tx: NamedTransaction, id: string, user: string, undo: UndoRecord): Promise<ImportBatch> {
  await tx.run("delete-import-undo", { batch: id });
  const marked = await tx.run<{ batch: Record<string, unknown> }>("revert-import-batch", { id, at: new Date().toISOString(), user });
  // After the batch is marked reverted, so a document it cited that an earlier reverted import created goes too.
  const documents = [...new Set([...undo.createdDocuments, ...(undo.citedDocuments ?? [])])];
  for (const ids of chunks(documents, WRITE_BATCH)) await tx.run("delete-import-documents", { batch: id, ids });
  await releaseImportLock(tx, id);
  return marked[0]!.batch as unknown as ImportBatch;
}

/** Pages through the entities of one label in id order, for the export. */
export async function* exportEntities(graph: Graph, label: EntityLabel, pageSize = 5000): AsyncGenerator<{ id: string; props: Props }[]> {
  const prefix = `${Object.entries(LABEL_BY_PREFIX).find(([, l]) => l === label)![0]}:`;
  let after = prefix;
  while (true) {
    const rows = await graph.read<{ id: string; props: Props }>(
      "export-import-entities",
      { label, prefix, after, limit: pageSize },
      IMPORT_TIMEOUT_MS,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/** Pages through ties of the given types, grouped by start node in id order, for the export. */
export async function* exportRelations(
  graph: Graph,
  types: RelationshipType[],
  pageSize = 5000,
): AsyncGenerator<{ type: RelationshipType; from: string; to: string; key: string; props: Props }[]> {
  let after = "";
  while (true) {
    const rows = await graph.read<{ cursor: string; type: RelationshipType | null; to: string; key: string; props: Props }>(
      "export-import-relations",
      { types, after, limit: pageSize },
      IMPORT_TIMEOUT_MS,
    );
    if (rows.length === 0) return;
    const ties = rows
      .filter((row) => row.type !== null)
      .map((row) => ({ type: row.type!, from: row.cursor, to: row.to, key: row.key, props: row.props }));
    if (ties.length > 0) yield ties;
    const starts = new Set(rows.map((row) => row.cursor));
    after = rows[rows.length - 1]!.cursor;
    if (starts.size < pageSize) return;
  }
}

export type { ImportProblem };
