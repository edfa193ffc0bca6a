import { createHash } from "node:crypto";
import type { z } from "zod";
import type { EntityLabel, RelationshipType } from "../../model/domain.ts";
import { ID_PATTERN } from "../../model/id-pattern.ts";
import { relationKey } from "../../model/relation-key.ts";
import { nameInitials } from "../search/name-initials.ts";
import { generatedId } from "./generated-ids.ts";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, ReadBudget } from "./limits.ts";
import { parseChineseNumber } from "./numbers.ts";
import { ProblemList, type RowPlace } from "./problems.ts";
import { type Cell, columnLetter, type ImportFile, readSheets, type SheetRows } from "./read-sheets.ts";
import {
  allowedValues,
  type Column,
  enumValue,
  headerText,
  type ImportKind,
  KIND_SPECS,
  type KindSpec,
  matchHeader,
  SOURCE_COLUMNS,
} from "./templates.ts";

/** A property value as Neo4j stores it; null means "remove / absent". */
export type PropValue = string | number | boolean | string[] | number[] | null;
export type Props = Record<string, PropValue>;

export interface EntityItem {
  kind: ImportKind;
  label: EntityLabel;
  id: string;
  /** Only the properties this file manages (its columns); null clears a property. */
  props: Props;
  place: RowPlace;
  /** The id cell was blank: `id` was made from the natural key, and an existing record may match instead. */
  generated?: boolean;
  /** What the flat columns (所在区域, 所属环节, 链主 …) say, turned into ties once names are resolved. */
  links?: RowLinks;
}

/** The cells of a row's refs columns (ids or names, split) and its 链主 flag. */
export interface RowLinks {
  refs: Partial<Record<string, string[]>>;
  leader: boolean;
  /** The row's provenance, carried by the ties made from it. */
  provenance: Props;
}

export interface RelationItem {
  kind: ImportKind;
  type: RelationshipType;
  from: string;
  to: string;
  key: string;
  props: Props;
  place: RowPlace;
}

/** A source document the planner named by title; created on apply unless it exists. */
export interface DocumentItem {
  id: string;
  title: string;
  date?: string;
}

/** A reference to an id the file does not define, to look up in the database. */
export interface Reference {
  id: string;
  place: RowPlace;
  column: string;
}

export interface SheetSummary {
  file: string;
  sheet: string | null;
  kind: ImportKind | null;
  encoding: string;
  rows: number;
}

export interface ParsedImport {
  entities: EntityItem[];
  relations: RelationItem[];
  documents: Map<string, DocumentItem>;
  references: Reference[];
  problems: ProblemList;
  sheets: SheetSummary[];
}

export type ReadProgress = (rowsRead: number, estimatedTotal: number | undefined, where: string) => void;

/** Stable id of a document named in a sources column: the same name always gives the same node. */
export function importDocumentId(name: string): string {
  return `doc:import-${createHash("sha256").update(name.trim()).digest("hex").slice(0, 12)}`;
}

/**
 * Reads every sheet of every file into validated records: each row checked against the zod
 * schema of its kind, duplicates within the files found, and every id the rows refer to listed
 * for a database look-up. Nothing here touches the database.
 */
export async function readRecords(
  files: ImportFile[],
  progress: ReadProgress = () => {},
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<ParsedImport> {
  const problems = new ProblemList(limits.maxProblems);
  const parsed: ParsedImport = { entities: [], relations: [], documents: new Map(), references: [], problems, sheets: [] };
  const context = { budget: new ReadBudget(limits), problems };
  const seenIds = new Map<string, RowPlace>();
  const seenRelations = new Map<string, RowPlace>();
  let rowsRead = 0;
  for (const file of files) {
    let sheetsWithKind = 0;
    for await (const sheet of readSheets(file, context)) {
      const summary: SheetSummary = { file: sheet.file, sheet: sheet.sheet, kind: sheet.kind, encoding: sheet.encoding, rows: 0 };
      parsed.sheets.push(summary);
      if (!sheet.kind) {
        await drain(sheet);
        continue;
      }
      sheetsWithKind += 1;
      const reader = new SheetReader(KIND_SPECS[sheet.kind], sheet, parsed, seenIds, seenRelations);
      for await (const { row, cells } of sheet.rows) {
        reader.read(row, cells);
        if (reader.isDataRow(row) && cells.some((c) => c !== undefined)) summary.rows += 1;
        rowsRead += 1;
        if (rowsRead % 1000 === 0) progress(rowsRead, sheet.estimatedRows, `${sheet.file}${sheet.sheet ? ` / ${sheet.sheet}` : ""}`);
      }
      reader.finish();
    }
    if (sheetsWithKind === 0) {
      parsed.problems.push({
        file: file.name,
        sheet: null,
        row: null,
        column: null,
        severity: "error",
        message: "no sheet or file name says what it holds; name it after a template (firms.csv, 企业, regions, 区域, ties, 关系 …)",
      });
    }
  }
  for (const summary of parsed.sheets) {
    if (!summary.kind && summary.sheet && !/说明|readme/i.test(summary.sheet)) {
      parsed.problems.push({
        file: summary.file,
        sheet: summary.sheet,
        row: null,
        column: null,
        severity: "warning",
        message: "sheet ignored: its name matches no template (企业 firms, 区域 regions, 关系 ties …)",
      });
    }
  }
  return parsed;
}

async function drain(sheet: SheetRows) {
  for await (const _ of sheet.rows) {
    // an unrecognised worksheet still has to be read past in a streamed workbook
  }
}

/** Turns the rows of one sheet into records, adding a problem for each cell or row that is wrong. */
class SheetReader {
  private columns: (Column | undefined)[] = [];
  private headerSeen = false;
  private managedFields = new Set<string>();
  private hasSources = false;

  constructor(
    private readonly spec: KindSpec,
    private readonly sheet: SheetRows,
    private readonly out: ParsedImport,
    private readonly seenIds: Map<string, RowPlace>,
    private readonly seenRelations: Map<string, RowPlace>,
  ) {}

  private problem(row: number | null, column: string | null, message: string, severity: "error" | "warning" = "error") {
    this.out.problems.push({ file: this.sheet.file, sheet: this.sheet.sheet, row, column, message, severity });
  }

  read(row: number, cells: Cell[]) {
    if (!this.headerSeen) {
      if (cells.every((c) => c === undefined)) return;
      if (this.isTitleRow(cells)) return;
      this.readHeader(row, cells);
      return;
    }
    if (!this.usable || cells.every((c) => c === undefined || String(c).trim() === "")) return;
    this.readRow({ file: this.sheet.file, sheet: this.sheet.sheet, row }, cells);
  }

  /** Below the header (which may sit under a title row). */
  isDataRow(row: number): boolean {
    return this.headerRow !== undefined && row > this.headerRow;
  }

  finish() {
    if (!this.headerSeen) this.problem(null, null, "the sheet is empty: no header row");
  }

  private usable = true;
  /** Last non-blank text of each fill-down column, by column index (merged cells arrive blank). */
  private above = new Map<number, string>();
  private filledDown = new Set<string>();

  /** A title above the header ("缙云县重点企业名录（2024年）"): one cell that names no column. */
  private isTitleRow(cells: Cell[]): boolean {
    const filled = cells.filter((c) => c !== undefined && String(c).trim() !== "");
    return filled.length === 1 && !matchHeader(this.spec, String(filled[0]));
  }

  /**
   * 所在区域 and 所属产业链 group the rows of an office list and are often merged cells, which
   * reach us blank below their first row: a blank one repeats the value above; 无 says none.
   */
  private fillDown(row: number, index: number, column: Column, text: string): string {
    if (!FILL_DOWN.has(column.key) || column.type !== "refs") return text;
    if (text !== "") {
      this.above.set(index, text);
      return text;
    }
    const previous = this.above.get(index) ?? "";
    if (previous !== "" && !this.filledDown.has(column.key)) {
      this.filledDown.add(column.key);
      this.problem(
        row,
        column.key,
        `空白的${column.zh}沿用上一行（合并单元格），写"无"表示没有 / blank ${column.zh} cells repeat the row above (merged cells); write 无 for none`,
        "warning",
      );
    }
    return previous;
  }

  private headerRow: number | undefined;

  private readHeader(row: number, cells: Cell[]) {
    this.headerSeen = true;
    this.headerRow = row;
    const seen = new Set<string>();
    this.columns = cells.map((cell, index) => {
      if (cell === undefined) return undefined;
      const column = matchHeader(this.spec, String(cell));
      // A running number (序号) is in every office list and means nothing to the graph.
      if (!column && SERIAL_HEADER.test(String(cell).trim())) return undefined;
      if (!column) {
        this.problem(
          row,
          String(cell),
          `column ${columnLetter(index)} "${cell}" is not in the ${this.spec.kind} template and is ignored`,
          "warning",
        );
        return undefined;
      }
      if (seen.has(column.key)) {
        this.problem(row, column.key, `column ${headerText(column)} appears twice`);
        this.usable = false;
      }
      seen.add(column.key);
      return column;
    });
    for (const column of this.spec.columns) {
      if (column.required && !seen.has(column.key)) {
        this.problem(row, column.key, `missing column ${headerText(column)}`);
        this.usable = false;
      }
    }
    this.hasSources = SOURCE_COLUMNS.some((c) => seen.has(c.key));
    if (!this.hasSources) {
      this.problem(
        row,
        "source_doc",
        "no source columns: add 来源文件 (source_doc) and 引文 (source_quote), or 备注 (note) for rows without a document",
      );
      this.usable = false;
    }
    for (const column of this.columns) {
      if (column && !/^(source|link)\./.test(column.field) && column.field !== "assumption") this.managedFields.add(column.field);
    }
  }

  private readRow(place: RowPlace, cells: Cell[]) {
    const record: Record<string, unknown> = {};
    const props: Record<string, unknown> = {};
    const source: Record<"doc" | "date" | "quote", string[]> = { doc: [], date: [], quote: [] };
    const links: RowLinks & { generated?: boolean } = { refs: {}, leader: false, provenance: {} };
    const brokenFields = new Set<string>();
    this.columns.forEach((column, index) => {
      if (!column) return;
      const raw = cells[index];
      const text = this.fillDown(place.row, index, column, raw === undefined ? "" : String(raw).trim());
      if (text === "") return;
      const value = this.convert(column, raw ?? text, text, place.row);
      if (value === undefined) {
        brokenFields.add(column.field);
        return;
      }
      if (column.field.startsWith("source.")) source[column.field.slice(7) as "doc" | "date" | "quote"] = splitLines(String(value));
      else if (column.type === "refs") links.refs[column.key] = value as string[];
      else if (column.type === "flag") links.leader = value as boolean;
      else if (column.field.startsWith("props.")) props[column.field.slice(6)] = value;
      else record[column.field] = value;
    });

    const sources = this.sources(source, place);
    if (sources === undefined) brokenFields.add("sources");
    if (this.spec.label && record.id === undefined && typeof record.name === "string") {
      record.id = generatedId(
        this.spec.label,
        record.name,
        record.creditCode as string | undefined,
        links.refs.region ?? links.refs.parent,
      );
      links.generated = true;
    }
    const input = this.spec.label
      ? { ...record, sources: sources ?? [] }
      : { ...record, type: this.spec.fixedType ?? record.type, props, sources: sources ?? [] };
    const result = this.spec.schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        // A cell already reported as unreadable is not reported again as missing.
        const field = issue.path[0] === "props" ? `props.${String(issue.path[1])}` : String(issue.path[0]);
        if (!brokenFields.has(field)) this.zodProblem(place.row, issue, input);
      }
      return;
    }
    if (brokenFields.size > 0) return;
    if (this.spec.label) this.addEntity(result.data as Parameters<SheetReader["addEntity"]>[0], place, links);
    else this.addRelation(result.data as RelationShape, place);
  }

  private convert(column: Column, raw: Cell & {}, text: string, row: number): unknown {
    switch (column.type) {
      case "text":
        return column.field === "creditCode" ? toHalfWidthUpper(text) : text;
      case "refs":
        return NONE.test(text) ? [] : splitRefs(text);
      case "flag": {
        if (/^(是|y|yes|true|1|√|✓|链主|链主企业)$/i.test(text)) return true;
        if (/^(否|n|no|false|0|×|-|—|无)$/i.test(text)) return false;
        this.problem(row, column.key, `"${text}" is not 是 or 否 (yes or no)`);
        return undefined;
      }
      case "list": {
        // Tags come as offices type them: "规上/高新技术", "上市公司，专精特新企业".
        const items = column.values ? splitRefs(text) : splitList(text);
        if (!column.values) return items;
        const bad = items.filter((item) => !column.values!.includes(item) && !enumValue(column, item));
        if (bad.length > 0) {
          this.problem(row, column.key, `${bad.map((b) => `"${b}"`).join(", ")} not allowed; use: ${column.values.join("、")}`);
          return undefined;
        }
        return items.map((item) => enumValue(column, item) ?? item);
      }
      case "number":
      case "yuan":
      case "int": {
        const result = parseChineseNumber(typeof raw === "number" ? raw : text, {
          yuan: column.type === "yuan",
          integer: column.type === "int",
        });
        if (!result.ok) {
          this.problem(row, column.key, result.message);
          return undefined;
        }
        return result.value;
      }
      case "enum": {
        const value = enumValue(column, text);
        if (!value) {
          this.problem(row, column.key, `"${text}" is not a ${column.zh} (${column.key}); use one of: ${allowedValues(column)}`);
          return undefined;
        }
        return value;
      }
      case "date": {
        const lines = splitLines(text).map(normalizeDate);
        const bad = lines.find((d) => d === null);
        if (bad === null) {
          this.problem(row, column.key, `"${text}" is not a date; write YYYY-MM-DD, YYYY-MM or YYYY`);
          return undefined;
        }
        return lines.join("\n");
      }
    }
  }

  /** Sources from the parallel columns: one document per line, one quote per line in the same order. */
  private sources(source: Record<"doc" | "date" | "quote", string[]>, place: RowPlace): { doc: string; quote: string }[] | undefined {
    const { doc: docs, quote: quotes, date: dates } = source;
    if (docs.length === 0 && quotes.length === 0) return [];
    if (docs.length !== quotes.length) {
      this.problem(
        place.row,
        docs.length < quotes.length ? "source_doc" : "source_quote",
        `${docs.length} source document(s) but ${quotes.length} quote(s): give each document its quote, one per line in the same order`,
      );
      return undefined;
    }
    if (dates.length > 1 && dates.length !== docs.length) {
      this.problem(
        place.row,
        "source_date",
        `${docs.length} source document(s) but ${dates.length} dates: give one date, or one per document`,
      );
      return undefined;
    }
    return docs.map((doc, i) => ({ doc: this.documentId(doc, dates[i] ?? dates[0], place), quote: quotes[i]! }));
  }

  private documentId(doc: string, date: string | undefined, place: RowPlace): string {
    if (/^doc:/i.test(doc)) {
      if (ID_PATTERN.test(doc)) this.out.references.push({ id: doc, place, column: "source_doc" });
      return doc;
    }
    const id = importDocumentId(doc);
    if (!this.out.documents.has(id)) this.out.documents.set(id, { id, title: doc.trim(), ...(date ? { date } : {}) });
    return id;
  }

  private zodProblem(row: number, issue: z.core.$ZodIssue, input: Record<string, unknown>) {
    const [head, second, third] = issue.path.map(String);
    let column: Column | undefined;
    if (head === "sources") column = SOURCE_COLUMNS.find((c) => c.field === (third === "quote" ? "source.quote" : "source.doc"));
    else if (head === "props") column = this.spec.columns.find((c) => c.field === `props.${second}`);
    else column = this.spec.columns.find((c) => c.field === head);
    const missing = head !== undefined && head !== "sources" && head !== "props" && input[head] === undefined;
    const message =
      missing && column ? `${headerText(column)} is required` : column ? `${headerText(column)}: ${issue.message}` : issue.message;
    this.problem(row, column?.key ?? (head === "sources" ? "source_doc" : null), message);
  }

  private provenance(record: { sources: { doc: string; quote: string }[]; assumption?: string }): Props {
    if (!this.hasSources) return {};
    return {
      sourceDocs: nullIfEmpty(record.sources.map((s) => s.doc)),
      sourceQuotes: nullIfEmpty(record.sources.map((s) => s.quote)),
      assumption: record.assumption ?? null,
    };
  }

  private addEntity(
    record: Record<string, unknown> & { id: string; sources: { doc: string; quote: string }[]; assumption?: string },
    place: RowPlace,
    links: RowLinks & { generated?: boolean },
  ) {
    const earlier = this.seenIds.get(record.id);
    if (earlier) {
      this.problem(
        place.row,
        links.generated ? "name" : "id",
        links.generated
          ? `"${String(record.name)}" is listed twice (same name and region, or same credit code): also at ${describePlace(earlier)}`
          : `duplicate id "${record.id}": also at ${describePlace(earlier)}`,
      );
      return;
    }
    this.seenIds.set(record.id, place);
    const props: Props = {};
    for (const field of this.managedFields) {
      if (field === "id") continue;
      props[field] = toProp(record[field]);
    }
    if (this.managedFields.has("aliases")) props.aliasesText = ((record.aliases as string[] | undefined) ?? []).join(" ");
    if (this.managedFields.has("name") || this.managedFields.has("aliases")) props.nameInitials = nameInitials(record.name, record.aliases);
    Object.assign(props, this.provenance(record));
    const { generated, ...rowLinks } = links;
    rowLinks.provenance = this.provenance(record);
    const hasLinks = rowLinks.leader || Object.keys(rowLinks.refs).length > 0;
    this.out.entities.push({
      kind: this.spec.kind,
      label: this.spec.label!,
      id: record.id,
      props,
      place,
      ...(generated ? { generated } : {}),
      ...(hasLinks ? { links: rowLinks } : {}),
    });
  }

  private addRelation(rel: RelationShape, place: RowPlace) {
    const key = relationKey(rel.props);
    const identity = `${rel.type} ${rel.from} -> ${rel.to}${key ? ` [${key}]` : ""}`;
    const earlier = this.seenRelations.get(identity);
    if (earlier) {
      this.problem(place.row, null, `duplicate tie ${identity}: also at ${describePlace(earlier)}`);
      return;
    }
    if (rel.type === "FIGURE_OF" || rel.type === "ABOUT") {
      this.problem(place.row, "type", `${rel.type} is derived from figures and cannot be imported`);
      return;
    }
    this.seenRelations.set(identity, place);
    const props: Props = {};
    for (const field of this.managedFields) {
      if (field.startsWith("props.")) props[field.slice(6)] = toProp((rel.props as Record<string, unknown>)[field.slice(6)]);
    }
    Object.assign(props, this.provenance(rel));
    this.out.references.push({ id: rel.from, place, column: "from" }, { id: rel.to, place, column: "to" });
    if (rel.props.region) this.out.references.push({ id: rel.props.region, place, column: "region" });
    this.out.relations.push({ kind: this.spec.kind, type: rel.type, from: rel.from, to: rel.to, key, props, place });
  }
}

/** Refs columns that repeat the value above when blank (see SheetReader.fillDown). */
const FILL_DOWN = new Set(["region", "chains"]);
const SERIAL_HEADER = /^(序号|序|no\.?|#)$/i;
const NONE = /^(无|没有|-|—|\/|n\/a|none)$/i;

interface RelationShape {
  type: RelationshipType;
  from: string;
  to: string;
  props: { region?: string; period?: string } & Record<string, unknown>;
  sources: { doc: string; quote: string }[];
  assumption?: string;
}

export function describePlace(place: RowPlace): string {
  return `${place.file}${place.sheet ? ` sheet ${place.sheet}` : ""} row ${place.row}`;
}

function toProp(value: unknown): PropValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return nullIfEmpty(value as string[]);
  return value as PropValue;
}

function nullIfEmpty<T>(list: T[]): T[] | null {
  return list.length === 0 ? null : list;
}

/**
 * List cells: one item per line when the cell has line breaks (so an item may contain 、),
 * otherwise items separated by ; ；or 、.
 */
export function splitList(text: string): string[] {
  const parts = /\n/.test(text) ? text.split(/\r?\n/) : text.split(/[;；、]/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Joins a list the way splitList reads it back, whatever the items contain. */
export function joinList(items: readonly (string | number)[]): string {
  const strings = items.map(String);
  return strings.some((s) => /[;；、]/.test(s)) ? strings.join("\n") : strings.join("；");
}

/** Cells that name records or tags: "莲都区、缙云县", "原料药/制剂", "规上，高新技术". */
export function splitRefs(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\r\n;；、，,/／]+/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}

function toHalfWidthUpper(text: string): string {
  return text
    .replace(/[Ａ-Ｚａ-ｚ０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toUpperCase();
}

function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "2024-05-01", "2024/5/1", "2024.05", "2024年5月1日", "2024" → ISO-like YYYY[-MM[-DD]]; null if not a date. */
export function normalizeDate(text: string): string | null {
  const match = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?$/.exec(text.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day && (Number(day) < 1 || Number(day) > 31)) return null;
  return [year, month?.padStart(2, "0"), day?.padStart(2, "0")].filter(Boolean).join("-");
}
