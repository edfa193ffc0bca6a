import type { EdgeData, Elements, NodeData } from "../../model/api/elements.ts";

export type Cell = string | number | boolean | null;
export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** Columns every node table starts with; `name` is left out because `label` already carries it. */
const NODE_LEAD = ["id", "type", "label", "nameEn"];
const EDGE_LEAD = ["id", "source", "target", "type"];
const TRAIL = ["assumption", "sources"];
const NODE_SKIP = new Set(["name"]);

/** A node or edge's citations in one cell: `doc:id: quote | doc:id: quote`. */
export function formatSources(sources: { doc: string; quote: string }[]): string {
  return sources.map((s) => `${s.doc}: ${s.quote}`).join(" | ");
}

/** One cell: lists joined with "; ", citations flattened, anything else structured as JSON. */
export function toCell(key: string, value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (key === "sources" && Array.isArray(value)) return formatSources(value as { doc: string; quote: string }[]);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join("; ");
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return JSON.stringify(value);
}

function columnsOf(records: Record<string, unknown>[], lead: string[], skip: Set<string>): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) seen.add(key);
  const middle = [...seen].filter((k) => !lead.includes(k) && !TRAIL.includes(k) && !skip.has(k)).sort();
  return [...lead, ...middle, ...TRAIL];
}

function tableOf(records: Record<string, unknown>[], lead: string[], skip = new Set<string>()): Table {
  const columns = columnsOf(records, lead, skip);
  return { columns, rows: records.map((record) => columns.map((column) => toCell(column, record[column]))) };
}

/** The nodes as a table: id, type, label, nameEn, the type-specific attributes (sorted), assumption, sources. */
export function nodeTable(elements: Elements): Table {
  return tableOf(
    elements.nodes.map((n): NodeData => n.data),
    NODE_LEAD,
    NODE_SKIP,
  );
}

/** The edges as a table: id, source, target, type, the relationship's attributes (sorted), assumption, sources. */
export function edgeTable(elements: Elements): Table {
  return tableOf(
    elements.edges.map((e): EdgeData => e.data),
    EDGE_LEAD,
  );
}

/** The narrowest attribute type that holds every value of a column (for GraphML and GEXF). */
export function columnType(table: Table, column: number): "boolean" | "long" | "double" | "string" {
  const values = table.rows.map((row) => row[column]).filter((v) => v !== null && v !== undefined);
  if (values.length === 0) return "string";
  if (values.every((v) => typeof v === "boolean")) return "boolean";
  if (values.every((v) => typeof v === "number" && Number.isSafeInteger(v))) return "long";
  if (values.every((v) => typeof v === "number")) return "double";
  return "string";
}
