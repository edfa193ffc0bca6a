import type { EntityLabel, RelationshipType } from "../../model/domain.ts";
import type { ImportPlan } from "./plan.ts";
import type { Props } from "./read-records.ts";

/** Long enough for a 100k-row file on a small machine; the work is one transaction either way. */
export const IMPORT_TIMEOUT_MS = 10 * 60_000;
/** Rows per write query: UNWIND lists stay bounded. */
export const WRITE_BATCH = 2000;

/**
 * Imports up to this many writes (records + ties) go in ONE transaction. Measured: 100,000 new
 * firms with ~10 properties each need ~750 MB of transaction state, more than a Neo4j with the
 * default 1 GB heap grants all transactions together (70% of the heap); larger imports are
 * written in chunks instead (see applyImport in server/services/import-apply.ts).
 */
export const SINGLE_TRANSACTION_MAX_WRITES = 20_000;
/** Writes per transaction of a chunked import or revert. */
export const CHUNK_WRITES = 10_000;

/** One write of a plan: a document, an entity or a tie to create or update. */
export type WriteOp =
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

export type EntityOp = Extract<WriteOp, { op: "entity" }>;

/** What a revert needs: what the batch created, the values it overwrote, the documents it cited. */
export interface UndoRecord {
  createdEntities: string[];
  createdRelations: { type: RelationshipType; from: string; to: string; key: string }[];
  createdDocuments: string[];
  /** Documents the batch's records cite: once reverted, one created by an import reverted earlier may be left uncited. */
  citedDocuments?: string[];
  updatedEntities: { label: EntityLabel; id: string; props: Props }[];
  updatedRelations: { type: RelationshipType; from: string; to: string; key: string; props: Props }[];
}

export const emptyUndo = (): UndoRecord => ({
  createdEntities: [],
  createdRelations: [],
  createdDocuments: [],
  updatedEntities: [],
  updatedRelations: [],
});

export const undoSize = (undo: UndoRecord) =>
  undo.createdEntities.length + undo.createdRelations.length + undo.updatedEntities.length + undo.updatedRelations.length;

/** The undo pieces of a batch (one per committed chunk) as one record. */
export function mergeUndo(pieces: string[]): UndoRecord {
  const all: UndoRecord = { ...emptyUndo(), citedDocuments: [] };
  for (const piece of pieces) {
    const undo = JSON.parse(piece) as UndoRecord;
    all.createdEntities.push(...undo.createdEntities);
    all.createdRelations.push(...undo.createdRelations);
    all.createdDocuments.push(...undo.createdDocuments);
    all.citedDocuments!.push(...(undo.citedDocuments ?? []));
    all.updatedEntities.push(...undo.updatedEntities);
    all.updatedRelations.push(...undo.updatedRelations);
  }
  return all;
}

/** The writes of a plan: only created and changed records, each stamped with its batch. */
export function writeOps(plan: ImportPlan, batchId: string, user: string): WriteOp[] {
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

export function citedDocuments(ops: WriteOp[]): string[] {
  const cited = new Set<string>();
  for (const o of ops) {
    const docs = o.op === "document" ? [] : o.props.sourceDocs;
    if (Array.isArray(docs)) for (const doc of docs) cited.add(String(doc));
  }
  return [...cited];
}

export function groupBy<T, K>(list: T[], keyOf: (item: T) => K): Map<K, T[]> {
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
