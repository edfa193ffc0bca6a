import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { EntityLabel, RelationshipType } from "../../model/domain.ts";
import { STORED_SYNTHETIC_PROVENANCE } from "../../server/seed/synthetic-provenance.ts";
import { firmNode, firmPlaces, firmRelations } from "./firms.ts";
import { buildPlan, type Plan } from "./plan.ts";
import { planNodes, planRelations } from "./plan-rows.ts";
import type { NodeRow, RelRow } from "./types.ts";

/**
 * The synthetic graph as the CSV files `neo4j-admin database import full` reads: one node file per
 * label (header `id:ID`, the properties, `:LABEL` = Entity;Synthetic;<label>) and one relationship
 * file (`:START_ID,:END_ID,:TYPE`, `key`, the properties). The same rows, ids and properties the
 * online load writes (generate.ts), with one difference neo4j-admin imposes: it cannot store an
 * empty list (an empty array field is always left out, neo4j/neo4j#13566), so the empty
 * `sourceDocs`/`sourceQuotes` (and a firm's empty `tags`) are absent, which every read treats alike
 * (`coalesce(x, [])`, `'规上' IN null` is not true).
 */

/** Splits list properties; no generated value contains it (checked per value). */
export const ARRAY_DELIMITER = ";";
const LABEL_COLUMN = ":LABEL";
/** What every synthetic node and tie carries besides its own properties (no empty lists, as online). */
const PROVENANCE = STORED_SYNTHETIC_PROVENANCE;

export interface CsvFiles {
  dir: string;
  nodeFiles: string[];
  relationshipFiles: string[];
  nodes: number;
  relationships: number;
  bytes: number;
}

type Value = string | number | string[] | null | undefined;
type ColumnType = "string" | "double" | "string[]";

interface Column {
  name: string;
  type: ColumnType;
}

function columnType(value: Value): ColumnType {
  if (Array.isArray(value)) return "string[]";
  // The driver sends a JavaScript number as a float, so the online load stores doubles.
  return typeof value === "number" ? "double" : "string";
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

function field(value: Value, type: ColumnType, where: string): string {
  if (value === undefined || value === null) return "";
  if (type === "string[]") {
    if (!Array.isArray(value)) throw new Error(`${where}: expected a list`);
    for (const item of value) if (item.includes(ARRAY_DELIMITER)) throw new Error(`${where}: "${item}" contains the array delimiter`);
    return value.length === 0 ? "" : quote(value.join(ARRAY_DELIMITER));
  }
  if (type === "double") {
    if (typeof value !== "number") throw new Error(`${where}: expected a number`);
    return String(value);
  }
  if (typeof value !== "string") throw new Error(`${where}: expected a string`);
  // Quoted even when empty: neo4j-admin keeps "" as an empty string (aliasesText, key), like the online load.
  return quote(value);
}

/** Columns of a set of rows' properties, in first-seen order; a name seen with two types is an error. */
function columnsOf(rows: Iterable<Record<string, Value>>, skip: Set<string>): Column[] {
  const columns = new Map<string, ColumnType>();
  for (const props of rows) {
    for (const [name, value] of Object.entries(props)) {
      if (skip.has(name) || value === undefined || value === null) continue;
      const type = columnType(value);
      const seen = columns.get(name);
      if (seen && seen !== type) throw new Error(`property ${name} is both ${seen} and ${type}`);
      columns.set(name, type);
    }
  }
  return [...columns].map(([name, type]) => ({ name, type }));
}

/** A CSV file written line by line, waiting for the disk when the stream's buffer is full. */
class CsvFile {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private size = 0;
  bytes = 0;
  rows = 0;

  constructor(readonly file: string) {
    this.stream = createWriteStream(file);
  }

  async line(text: string) {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) await this.drain();
  }

  private async drain() {
    const chunk = `${this.buffer.join("\n")}\n`;
    this.buffer = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }

  async close() {
    if (this.buffer.length > 0) await this.drain();
    this.stream.end();
    await once(this.stream, "finish");
  }
}

class NodeCsv {
  private readonly out: CsvFile;
  private readonly known: Set<string>;

  constructor(
    file: string,
    private readonly label: EntityLabel,
    private readonly columns: Column[],
  ) {
    this.out = new CsvFile(file);
    this.known = new Set(["id", ...columns.map((c) => c.name)]);
  }

  async open() {
    await this.out.line(["id:ID", ...this.columns.map((c) => `${c.name}:${c.type}`), LABEL_COLUMN].join(","));
  }

  async write(row: NodeRow) {
    const props = { ...row.props, ...PROVENANCE } as Record<string, Value>;
    for (const name of Object.keys(props))
      if (!this.known.has(name)) throw new Error(`${row.id}: property ${name} has no column in the ${this.label} file`);
    const cells = this.columns.map((c) => field(props[c.name], c.type, `${row.id}.${c.name}`));
    await this.out.line([quote(row.id), ...cells, `Entity;Synthetic;${this.label}`].join(","));
    this.out.rows += 1;
  }

  close() {
    return this.out.close();
  }

  get file() {
    return this.out.file;
  }
  get stats() {
    return { rows: this.out.rows, bytes: this.out.bytes };
  }
}

/** How many firms the firm columns are read from (properties are the same few for every firm). */
const FIRM_SAMPLE = 5_000;

/**
 * Writes the synthetic graph of (seed, firms) into `dir` as neo4j-admin import files, firm by firm,
 * so memory holds the plan and a write buffer, not the graph.
 */
export async function writeSyntheticCsv(dir: string, seed: number, firms: number, plan: Plan = buildPlan(seed, firms)): Promise<CsvFiles> {
  await mkdir(dir, { recursive: true });
  const nodeFiles: string[] = [];
  let nodes = 0;
  let bytes = 0;
  const closeNodes = async (csv: NodeCsv) => {
    await csv.close();
    nodeFiles.push(csv.file);
    nodes += csv.stats.rows;
    bytes += csv.stats.bytes;
  };
  for (const [label, rows] of planNodes(plan)) {
    if (rows.length === 0) continue;
    const csv = new NodeCsv(path.join(dir, `nodes-${label}.csv`), label, columnsOf(withProvenance(rows), new Set(["id"])));
    await csv.open();
    for (const row of rows) await csv.write(row);
    await closeNodes(csv);
  }
  const sample = [...firmPlaces(plan, 0, Math.min(plan.firms, FIRM_SAMPLE))].map((place) => firmNode(plan, place));
  const firmColumns = columnsOf(withProvenance(sample), new Set(["id"]));
  // marketScope is optional: make sure a small sample that happens to lack it still has the column.
  if (!firmColumns.some((c) => c.name === "marketScope")) firmColumns.push({ name: "marketScope", type: "string" });
  const firmCsv = new NodeCsv(path.join(dir, "nodes-Firm.csv"), "Firm", firmColumns);
  await firmCsv.open();
  for (const place of firmPlaces(plan, 0, plan.firms)) await firmCsv.write(firmNode(plan, place));
  await closeNodes(firmCsv);

  const planRels = planRelations(plan);
  const relColumns = columnsOf(
    planRels.flatMap(([, rows]) => rows.map((r) => ({ ...r.props, ...PROVENANCE }))),
    new Set(["key"]),
  );
  const known = new Set(["key", ...relColumns.map((c) => c.name)]);
  const relFile = path.join(dir, "relationships.csv");
  const rels = new CsvFile(relFile);
  await rels.line([":START_ID", ":END_ID", ":TYPE", "key:string", ...relColumns.map((c) => `${c.name}:${c.type}`)].join(","));
  const writeRel = async (type: RelationshipType, row: RelRow) => {
    const props = { ...row.props, ...PROVENANCE } as Record<string, Value>;
    for (const name of Object.keys(props))
      if (!known.has(name)) throw new Error(`${type} ${row.from}->${row.to}: property ${name} has no column`);
    const cells = relColumns.map((c) => field(props[c.name], c.type, `${type}.${c.name}`));
    await rels.line([quote(row.from), quote(row.to), type, quote(row.key), ...cells].join(","));
    rels.rows += 1;
  };
  for (const [type, rows] of planRels) for (const row of rows) await writeRel(type, row);
  // firmRelations calls back synchronously; the rows of one firm are collected, then written.
  const pending: [RelationshipType, RelRow][] = [];
  for (const place of firmPlaces(plan, 0, plan.firms)) {
    firmRelations(plan, place, (type, row) => pending.push([type, row]));
    for (const [type, row] of pending) await writeRel(type, row);
    pending.length = 0;
  }
  await rels.close();
  return { dir, nodeFiles, relationshipFiles: [relFile], nodes, relationships: rels.rows, bytes: bytes + rels.bytes };
}

function withProvenance(rows: NodeRow[]): Record<string, Value>[] {
  return rows.map((r) => ({ ...r.props, ...PROVENANCE }) as Record<string, Value>);
}
