import { randomBytes } from "node:crypto";
import { type EntityLabel, LABEL_BY_PREFIX, type RelationshipType } from "../../seeds/schema.ts";
import type { Graph, NamedTransaction, Params, Row } from "../db/graph.ts";
import type { QueryName } from "../db/queries.ts";
import { chunks, type ImportLookups, type ImportPlan, planImport, tieIdentity } from "../import/plan.ts";
import { errorsOf, type ImportProblem } from "../import/problems.ts";
import type { ParsedImport, Props } from "../import/read-records.ts";

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

export interface BatchSummary {
  id: string;
  user: string;
  at: string;
  fileName: string;
  fileHash: string;
  status: "applied" | "reverted";
  revertedAt?: string;
  revertedBy?: string;
  entitiesCreated: number;
  entitiesUpdated: number;
  entitiesUnchanged: number;
  relationsCreated: number;
  relationsUpdated: number;
  relationsUnchanged: number;
  documentsCreated: number;
}

/** What a revert needs: what the batch created, and the values it overwrote. */
interface UndoRecord {
  createdEntities: string[];
  createdRelations: { type: RelationshipType; from: string; to: string; key: string }[];
  createdDocuments: string[];
  updatedEntities: { label: EntityLabel; id: string; props: Props }[];
  updatedRelations: { type: RelationshipType; from: string; to: string; key: string; props: Props }[];
}

export function newBatchId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `import-${stamp}-${randomBytes(3).toString("hex")}`;
}

/**
 * Applies an import in ONE write transaction: plans again inside it (so the comparison sees
 * exactly the data it overwrites), refuses with nothing written if any row has an error, writes
 * only created and changed records, and records an :ImportBatch with the undo data.
 */
export async function applyImport(
  graph: Graph,
  parsed: ParsedImport,
  source: ImportSource,
  progress: PlanProgress = () => {},
): Promise<{ plan: ImportPlan; batch: BatchSummary | undefined }> {
  if (errorsOf(parsed.problems).length > 0) {
    throw new ImportRefusedError({
      entities: [],
      relations: [],
      documents: [],
      problems: parsed.problems,
      counts: {
        entities: { created: 0, updated: 0, unchanged: 0 },
        relations: { created: 0, updated: 0, unchanged: 0 },
        documentsCreated: 0,
      },
    });
  }
  const batchId = newBatchId();
  const at = new Date().toISOString();
  return graph.writeTransaction(async (tx) => {
    const run: Runner = (name, params) => tx.run(name, params);
    const plan = await planImport(parsed, lookupsFor(run), (done, total) => progress(done, total, "checking against the database"));
    if (errorsOf(plan.problems).length > 0) throw new ImportRefusedError(plan);
    const stamp: Props = { importBatch: batchId, importedBy: source.user };
    const undo: UndoRecord = { createdEntities: [], createdRelations: [], createdDocuments: [], updatedEntities: [], updatedRelations: [] };

    const writes =
      plan.documents.length +
      plan.counts.entities.created +
      plan.counts.entities.updated +
      plan.counts.relations.created +
      plan.counts.relations.updated;
    // Re-importing an unchanged file is a no-op: no writes and no batch record.
    if (writes === 0) return { plan, batch: undefined };
    let written = 0;
    const tick = (n: number, what: string) => {
      written += n;
      progress(written, Math.max(writes, 1), `writing ${what}`);
    };

    for (const batch of chunks(plan.documents, WRITE_BATCH)) {
      await tx.run("merge-import-documents", {
        batch: batchId,
        rows: batch.map((doc) => ({
          id: doc.id,
          props: withoutNulls({ id: doc.id, title: doc.title, date: doc.date ?? null, outlet: "导入 import" }),
        })),
      });
      undo.createdDocuments.push(...batch.map((doc) => doc.id));
      tick(batch.length, "documents");
    }

    const entityRows = new Map<EntityLabel, { id: string; props: Props }[]>();
    for (const entry of plan.entities) {
      if (entry.status === "unchanged") continue;
      const { item } = entry;
      const rows = entityRows.get(item.label) ?? [];
      entityRows.set(item.label, rows);
      if (entry.status === "created") {
        rows.push({ id: item.id, props: { ...withoutNulls(item.props), ...stamp } });
        undo.createdEntities.push(item.id);
      } else {
        rows.push({ id: item.id, props: { ...afterValues(entry.changes), ...stamp } });
        undo.updatedEntities.push({ label: item.label, id: item.id, props: previousValues(entry.changes, entry.before) });
      }
    }
    for (const [label, rows] of entityRows) {
      for (const batch of chunks(rows, WRITE_BATCH)) {
        await tx.run("merge-import-entities", { label, rows: batch });
        tick(batch.length, label);
      }
    }

    const relationRows = new Map<RelationshipType, { from: string; to: string; key: string; props: Props }[]>();
    for (const entry of plan.relations) {
      if (entry.status === "unchanged") continue;
      const { type, from, to, key } = entry.item;
      const rows = relationRows.get(type) ?? [];
      relationRows.set(type, rows);
      if (entry.status === "created") {
        rows.push({ from, to, key, props: { ...withoutNulls(entry.item.props), ...stamp } });
        undo.createdRelations.push({ type, from, to, key });
      } else {
        rows.push({ from, to, key, props: { ...afterValues(entry.changes), ...stamp } });
        undo.updatedRelations.push({ type, from, to, key, props: previousValues(entry.changes, entry.before) });
      }
    }
    for (const [type, rows] of relationRows) {
      for (const batch of chunks(rows, WRITE_BATCH)) {
        await tx.run("merge-import-relations", { type, rows: batch });
        tick(batch.length, type);
      }
    }

    const batch: BatchSummary = {
      id: batchId,
      user: source.user,
      at,
      fileName: source.fileName,
      fileHash: source.fileHash,
      status: "applied",
      entitiesCreated: plan.counts.entities.created,
      entitiesUpdated: plan.counts.entities.updated,
      entitiesUnchanged: plan.counts.entities.unchanged,
      relationsCreated: plan.counts.relations.created,
      relationsUpdated: plan.counts.relations.updated,
      relationsUnchanged: plan.counts.relations.unchanged,
      documentsCreated: plan.counts.documentsCreated,
    };
    await tx.run("record-import-batch", { props: { ...batch, undo: JSON.stringify(undo) } });
    return { plan, batch };
  }, IMPORT_TIMEOUT_MS);
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

export async function listImportBatches(graph: Graph, limit = 100): Promise<BatchSummary[]> {
  const rows = await graph.read<{ batch: Record<string, unknown> }>("list-import-batches", { limit });
  return rows.map(({ batch }) => toSummary(batch));
}

function toSummary(batch: Record<string, unknown>): BatchSummary {
  const { undo: _undo, ...rest } = batch;
  return rest as unknown as BatchSummary;
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

/**
 * Reverts an applied import in one transaction: removes what it created and writes back the
 * values it overwrote. Refused when a later import touched the same records (revert that first)
 * or when something else has since tied itself to a record the import created.
 */
export async function revertImportBatch(graph: Graph, id: string, user: string): Promise<BatchSummary | null> {
  return graph.writeTransaction(async (tx) => {
    const found = (await tx.run<{ batch: Record<string, unknown> }>("find-import-batch", { id }))[0];
    if (!found) return null;
    if (found.batch.status === "reverted")
      throw new RevertConflictError(`import ${id} was already reverted on ${String(found.batch.revertedAt)}`);
    const undo = JSON.parse(String(found.batch.undo)) as UndoRecord;
    await checkRevertConflicts(tx, id, undo);

    for (const batch of chunks(undo.createdRelations, WRITE_BATCH)) await tx.run("delete-import-relations", { batch: id, rows: batch });
    for (const batch of chunks(undo.createdEntities, WRITE_BATCH)) await tx.run("delete-import-entities", { batch: id, ids: batch });
    const byLabel = new Map<EntityLabel, { id: string; props: Props }[]>();
    for (const entry of undo.updatedEntities) {
      const rows = byLabel.get(entry.label) ?? [];
      rows.push({ id: entry.id, props: entry.props });
      byLabel.set(entry.label, rows);
    }
    for (const [label, rows] of byLabel) {
      for (const batch of chunks(rows, WRITE_BATCH)) await tx.run("merge-import-entities", { label, rows: batch });
    }
    const byType = new Map<RelationshipType, { from: string; to: string; key: string; props: Props }[]>();
    for (const { type, ...row } of undo.updatedRelations) {
      const rows = byType.get(type) ?? [];
      rows.push(row);
      byType.set(type, rows);
    }
    for (const [type, rows] of byType) {
      for (const batch of chunks(rows, WRITE_BATCH)) await tx.run("merge-import-relations", { type, rows: batch });
    }
    if (undo.createdDocuments.length > 0) await tx.run("delete-import-documents", { batch: id, ids: undo.createdDocuments });
    const marked = await tx.run<{ batch: Record<string, unknown> }>("revert-import-batch", { id, at: new Date().toISOString(), user });
    return toSummary(marked[0]!.batch);
  }, IMPORT_TIMEOUT_MS);
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
