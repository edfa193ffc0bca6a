import type { ImportProblem } from "../../model/api/imports.ts";
import type { RelationshipType } from "../../model/domain.ts";
import { nameInitials } from "../search/name-initials.ts";
import type { ProblemList } from "./problems.ts";
import {
  type DocumentItem,
  describePlace,
  type EntityItem,
  type ParsedImport,
  type Props,
  type PropValue,
  type RelationItem,
} from "./read-records.ts";
import { type FindCandidates, type ImportMatch, resolveNames } from "./resolve-names.ts";

/** What the database holds for the ids and ties a file names; the repository answers these. */
export interface ImportLookups {
  /** Current properties of the entities that exist, by id. */
  entityProps(ids: string[]): Promise<Map<string, Props>>;
  /** Which of these ids exist as an entity or a source document. */
  existingIds(ids: string[]): Promise<Set<string>>;
  /** Current properties of the ties that exist, by tieIdentity(). */
  relationProps(type: RelationshipType, ties: { from: string; to: string; key: string }[]): Promise<Map<string, Props>>;
  /** Existing records a blank id or a name in place of an id may mean. */
  candidates: FindCandidates;
}

export type Status = "created" | "updated" | "unchanged";

export interface PlannedEntity {
  item: EntityItem;
  status: Status;
  /** Changed properties: value before (null = absent) and after. */
  changes: Record<string, { before: PropValue; after: PropValue }>;
  /** The stored properties, for an updated record (a revert restores its batch stamp). */
  before: Props;
}

export interface PlannedRelation {
  item: RelationItem;
  status: Status;
  changes: Record<string, { before: PropValue; after: PropValue }>;
  before: Props;
}

export interface ImportCounts {
  entities: Record<Status, number>;
  relations: Record<Status, number>;
  documentsCreated: number;
}

export interface ImportPlan {
  entities: PlannedEntity[];
  relations: PlannedRelation[];
  /** Named source documents that do not exist yet. */
  documents: DocumentItem[];
  problems: ProblemList;
  /** Rows with a blank id that update an existing record, with the sentence saying which. */
  matches: ImportMatch[];
  counts: ImportCounts;
}

export const LOOKUP_CHUNK = 5000;

export const tieIdentity = (tie: { from: string; to: string; key: string }) => `${tie.from}\u0000${tie.to}\u0000${tie.key}`;

/**
 * Compares the parsed rows with the database: which records would be created, which updated
 * (and which properties change), which are unchanged; and which referenced ids exist nowhere.
 */
export async function planImport(
  read: ParsedImport,
  lookups: ImportLookups,
  progress: (done: number, total: number) => void = () => {},
): Promise<ImportPlan> {
  const { parsed, matches } = await resolveNames(read, lookups.candidates);
  // A copy (a retried transaction plans again), with the same cap and counts.
  const problems = parsed.problems.copy();
  const total = parsed.entities.length + parsed.references.length + parsed.relations.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    progress(done, total);
  };

  // Compared chunk by chunk, so only the differences stay in memory, never the stored records.
  const entities: PlannedEntity[] = [];
  for (const chunk of chunks(parsed.entities)) {
    const current = await lookups.entityProps(chunk.map((e) => e.id));
    for (const item of chunk) {
      const stored = current.get(item.id);
      entities.push(compare(withStoredNames(item, stored), stored));
    }
    step(chunk.length);
  }

  const defined = new Set<string>([...parsed.entities.map((e) => e.id), ...parsed.documents.keys()]);
  const toCheck = [...new Set(parsed.references.map((r) => r.id).filter((id) => !defined.has(id)))];
  const found = new Set<string>();
  for (const chunk of chunks([...toCheck, ...parsed.documents.keys()])) {
    for (const id of await lookups.existingIds(chunk)) found.add(id);
  }
  step(parsed.references.length);
  for (const ref of parsed.references) {
    if (defined.has(ref.id) || found.has(ref.id)) continue;
    problems.push({
      ...ref.place,
      column: ref.column,
      severity: "error",
      message: `refers to unknown id "${ref.id}": not in this import and not in the database`,
    });
  }

  const relations: PlannedRelation[] = [];
  const byType = new Map<RelationshipType, RelationItem[]>();
  for (const rel of parsed.relations) {
    const list = byType.get(rel.type) ?? [];
    list.push(rel);
    byType.set(rel.type, list);
  }
  for (const [type, items] of byType) {
    for (const chunk of chunks(items)) {
      const existing = await lookups.relationProps(type, chunk);
      for (const item of chunk) relations.push(compare(item, existing.get(tieIdentity(item))));
      step(chunk.length);
    }
  }
  relations.sort((a, b) => a.item.place.row - b.item.place.row);

  problems.push(...unplacedFirms(entities, parsed.relations));
  const documents = [...parsed.documents.values()].filter((doc) => !found.has(doc.id));
  return { entities, relations, documents, problems, matches, counts: countPlan(entities, relations, documents.length) };
}

/** Warnings listed one by one; beyond this, one line counts the rest. */
const UNPLACED_LISTED = 20;

/** New firms with no region or no segment count nowhere: say so, rather than accept them silently. */
function unplacedFirms(entities: PlannedEntity[], relations: RelationItem[]): ImportProblem[] {
  const located = new Set(relations.filter((r) => r.type === "LOCATED_IN").map((r) => r.from));
  const placed = new Set(relations.filter((r) => r.type === "IN_SEGMENT").map((r) => r.from));
  const unplaced = entities.filter(
    (e) => e.status === "created" && e.item.label === "Firm" && (!located.has(e.item.id) || !placed.has(e.item.id)),
  );
  const warnings: ImportProblem[] = unplaced.slice(0, UNPLACED_LISTED).map((e) => {
    const missing = [located.has(e.item.id) ? null : "所在区域", placed.has(e.item.id) ? null : "所属环节"].filter(Boolean).join("、");
    return {
      ...e.item.place,
      column: located.has(e.item.id) ? "segments" : "region",
      severity: "warning" as const,
      message: `没有${missing}：该企业不会出现在任何分析中 / no ${missing}: this firm will not appear in any analysis (gap report, map, targets)`,
    };
  });
  if (unplaced.length > UNPLACED_LISTED) {
    const rest = unplaced.length - UNPLACED_LISTED;
    warnings.push({
      file: unplaced[UNPLACED_LISTED]!.item.place.file,
      sheet: unplaced[UNPLACED_LISTED]!.item.place.sheet,
      row: null,
      column: null,
      severity: "warning",
      message: `另有 ${rest} 家企业没有所在区域或所属环节，不会出现在任何分析中 / ${rest} more firms have no region or segment and will not appear in any analysis`,
    });
  }
  return warnings;
}

/**
 * The search keys (`nameInitials`) hold the initials of the name and of every alias. A file without
 * an aliases column leaves the stored aliases in place (the name column is required), so the row's
 * keys, read from the file's columns alone, are recomputed with the aliases the record keeps.
 */
function withStoredNames(item: EntityItem, stored: Props | undefined): EntityItem {
  if (!stored || !("nameInitials" in item.props) || "aliases" in item.props) return item;
  const initials = nameInitials(item.props.name, stored.aliases);
  return initials === item.props.nameInitials ? item : { ...item, props: { ...item.props, nameInitials: initials } };
}

function compare<T extends { props: Props }>(
  item: T,
  before: Props | undefined,
): { item: T; status: Status; changes: Record<string, { before: PropValue; after: PropValue }>; before: Props } {
  if (!before) return { item, status: "created", changes: {}, before: {} };
  const changes: Record<string, { before: PropValue; after: PropValue }> = {};
  for (const [key, after] of Object.entries(item.props)) {
    const previous = before[key] ?? null;
    if (!sameValue(previous, after)) changes[key] = { before: previous, after };
  }
  if (Object.keys(changes).length === 0) return { item, status: "unchanged", changes, before: {} };
  return { item, status: "updated", changes, before: { importBatch: before.importBatch ?? null, importedBy: before.importedBy ?? null } };
}

/** Absent, null, "" and [] all mean "no value": a cleared cell equals a property never set. */
export function sameValue(a: PropValue | undefined, b: PropValue | undefined): boolean {
  const empty = (v: PropValue | undefined) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function countPlan(entities: PlannedEntity[], relations: PlannedRelation[], documentsCreated: number): ImportCounts {
  const tally = (list: { status: Status }[]) => {
    const counts: Record<Status, number> = { created: 0, updated: 0, unchanged: 0 };
    for (const entry of list) counts[entry.status] += 1;
    return counts;
  };
  return { entities: tally(entities), relations: tally(relations), documentsCreated };
}

export function* chunks<T>(list: T[], size = LOOKUP_CHUNK): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

/** One line per change, for the dry-run report: "firm:x updated: name 旧 → 新". */
export function describeChange(entry: PlannedEntity | PlannedRelation): string {
  const item = entry.item;
  const what = "id" in item ? item.id : `${item.type} ${item.from} → ${item.to}${item.key ? ` [${item.key}]` : ""}`;
  const changed = Object.entries(entry.changes)
    .map(([key, { before, after }]) => `${key}: ${show(before)} → ${show(after)}`)
    .join("; ");
  return `${what} (${describePlace(item.place)})${changed ? ` ${changed}` : ""}`;
}

function show(value: PropValue): string {
  if (value === null) return "∅";
  const text = Array.isArray(value) ? value.join("、") : String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
