import path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { ReadBudget } from "./limits.ts";
import { ImportLimitError } from "./limits.ts";
import type { Cell } from "./read-sheets.ts";
import { inflateEntry, type ZipEntry, ZipFormatError, zipEntries } from "./zip.ts";

/**
 * A streaming XLSX reader bounded as it goes: each zip part is inflated chunk by chunk with its
 * bytes counted against the import's budget, and parsed by a SAX parser (saxes, the one exceljs
 * itself uses) so a worksheet is never held whole. Only the shared strings stay in memory, and
 * they have their own limit. exceljs's reader could not be bounded: it caches every shared
 * string, writes early worksheets to temporary files, and trusts nothing we can count.
 */
export interface XlsxSheet {
  name: string;
  rows: AsyncGenerator<{ row: number; cells: Cell[] }>;
}

type Tag = { local: string; attributes: Record<string, string> };
interface XmlHandlers {
  open?: (tag: Tag) => void;
  text?: (text: string) => void;
  close?: (local: string) => void;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Excel escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
const decodeOoxmlEscapes = (text: string) =>
  text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;

class Workbook {
  private readonly entries: Map<string, ZipEntry>;

  constructor(
    readonly fileName: string,
    private readonly bytes: Buffer,
    private readonly budget: ReadBudget,
  ) {
    this.entries = zipEntries(bytes);
  }

  entry(name: string): ZipEntry | undefined {
    const wanted = name.replace(/^\/+/, "");
    return this.entries.get(wanted) ?? [...this.entries.values()].find((e) => e.name.toLowerCase() === wanted.toLowerCase());
  }

  /**
   * Feeds a part to a SAX parser, yielding after each inflated chunk so a caller can hand on
   * what that chunk completed. `count` may refuse the part's bytes beyond a limit of its own.
   */
  async *parse(name: string, handlers: XmlHandlers, count: (total: number) => void = () => {}): AsyncGenerator<void> {
    const entry = this.entry(name);
    if (!entry) return;
    const parser = new SaxesParser({ xmlns: false });
    parser.on("opentag", (tag: SaxesTagPlain) => {
      handlers.open?.({ local: localName(tag.name), attributes: tag.attributes as Record<string, string> });
    });
    parser.on("text", (text) => handlers.text?.(text));
    parser.on("cdata", (text) => handlers.text?.(text));
    parser.on("closetag", (tag) => handlers.close?.(localName(tag.name)));
    const decoder = new StringDecoder("utf8");
    // saxes gathers a text node (or attribute, comment) whole before handing it over: bound it.
    const maxNode = this.budget.limits.maxCellChars * 2 + 4096;
    const pending = parser as unknown as { text: string };
    let total = 0;
    const chunks = inflateEntry(this.bytes, entry, (bytes) => {
      this.budget.unpack(this.fileName, bytes);
      total += bytes;
      count(total);
    });
    for await (const chunk of chunks) {
      parser.write(decoder.write(chunk));
      if ((pending.text?.length ?? 0) > maxNode) {
        throw new ImportLimitError("maxCellChars", this.fileName, `part ${name} holds a cell or node longer than ${maxNode} characters`);
      }
      yield;
    }
    parser.write(decoder.end());
    parser.close();
    yield;
  }

  async parseAll(name: string, handlers: XmlHandlers, count?: (total: number) => void) {
    for await (const _ of this.parse(name, handlers, count)) {
      // small parts: read to the end
    }
  }
}

/** Where a relationship points: relative to the part that holds it, or absolute from the root. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

async function relationships(book: Workbook, part: string): Promise<Map<string, { type: string; target: string }>> {
  const relsPath = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  const rels = new Map<string, { type: string; target: string }>();
  await book.parseAll(relsPath, {
    open: ({ local, attributes }) => {
      if (local === "Relationship" && attributes.Id && attributes.Target) {
        rels.set(attributes.Id, { type: attributes.Type ?? "", target: resolveTarget(part, attributes.Target) });
      }
    },
  });
  return rels;
}

async function workbookPart(book: Workbook): Promise<string> {
  const root = await relationships(book, "");
  const office = [...root.values()].find((rel) => rel.type.endsWith("/officeDocument"));
  return office?.target ?? "xl/workbook.xml";
}

interface SheetRef {
  name: string;
  part: string;
}

async function sheetList(
  book: Workbook,
  part: string,
): Promise<{ sheets: SheetRef[]; date1904: boolean; rels: Map<string, { type: string; target: string }> }> {
  const rels = await relationships(book, part);
  const refs: { name: string; rid: string }[] = [];
  let date1904 = false;
  await book.parseAll(part, {
    open: ({ local, attributes }) => {
      if (local === "workbookPr") date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      if (local === "sheet") {
        const rid = Object.entries(attributes).find(([key]) => key.includes(":") && localName(key) === "id")?.[1];
        if (rid) refs.push({ name: attributes.name ?? "", rid });
      }
    },
  });
  const sheets = refs.flatMap(({ name, rid }) => {
    const rel = rels.get(rid);
    return rel?.type.endsWith("/worksheet") ? [{ name, part: rel.target }] : [];
  });
  return { sheets, date1904, rels };
}

async function sharedStrings(book: Workbook, part: string | undefined, budget: ReadBudget): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  let parts: string[] = [];
  let inText = false;
  let phonetic = 0;
  await book.parseAll(
    part,
    {
      open: ({ local }) => {
        if (local === "si") parts = [];
        else if (local === "rPh") phonetic += 1;
        else if (local === "t" && phonetic === 0) inText = true;
      },
      text: (text) => {
        if (inText) parts.push(text);
      },
      close: (local) => {
        if (local === "t") inText = false;
        else if (local === "rPh") phonetic -= 1;
        else if (local === "si") strings.push(decodeOoxmlEscapes(parts.join("")));
      },
    },
    (total) => budget.sharedStrings(book.fileName, total),
  );
  return strings;
}

// Built-in number formats that show a date or time (including the zh-CN ones, 27–36 and 50–58).
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return !/^general$/i.test(bare.trim()) && /[ymdhs]/i.test(bare);
}

/** Which cell styles (index into cellXfs) show their number as a date. */
async function dateStyles(book: Workbook, part: string | undefined): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!part) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  await book.parseAll(part, {
    open: ({ local, attributes }) => {
      if (local === "numFmt") custom.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (local === "cellXfs") inCellXfs = true;
      else if (local === "xf" && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        const code = custom.get(id);
        if (code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code)) dates.add(index);
        index += 1;
      }
    },
    close: (local) => {
      if (local === "cellXfs") inCellXfs = false;
    },
  });
  return dates;
}

/** "B7" → 1 (zero-based column). */
function columnIndex(reference: string): number {
  let index = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.floor(serial) * 86_400_000);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

interface SheetContext {
  book: Workbook;
  budget: ReadBudget;
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
}

/** The rows of one worksheet, each handed on as soon as the chunk that closes it is parsed. */
async function* worksheetRows(context: SheetContext, part: string): AsyncGenerator<{ row: number; cells: Cell[] }> {
  const { book, budget, strings, dates, date1904 } = context;
  const ready: { row: number; cells: Cell[] }[] = [];
  let rowNumber = 0;
  let cells: Cell[] = [];
  let column = -1;
  let type = "n";
  let style = 0;
  let value: string[] = [];
  let inValue = false;
  let inInline = false;
  let phonetic = 0;

  const cellValue = (): Cell => {
    const text = value.join("");
    switch (type) {
      case "s": {
        const shared = strings[Number(text)];
        return shared === undefined || shared === "" ? undefined : shared;
      }
      case "inlineStr":
      case "str": {
        const decoded = decodeOoxmlEscapes(text);
        return decoded === "" ? undefined : decoded;
      }
      case "b":
        return text === "1" || text === "true" ? "true" : "false";
      case "e":
        return text || undefined;
      case "d":
        return text ? text.slice(0, 10) : undefined;
      default: {
        if (text.trim() === "") return undefined;
        const number = Number(text);
        if (Number.isNaN(number)) return text;
        return dates.has(style) ? serialDate(number, date1904) : number;
      }
    }
  };

  const handlers: XmlHandlers = {
    open: ({ local, attributes }) => {
      switch (local) {
        case "row":
          rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
          cells = [];
          column = -1;
          budget.row(book.fileName);
          break;
        case "c":
          column = attributes.r ? columnIndex(attributes.r) : column + 1;
          if (column < 0) column = cells.length;
          budget.columns(book.fileName, rowNumber, column + 1);
          type = attributes.t ?? "n";
          style = Number(attributes.s ?? 0);
          value = [];
          break;
        case "v":
          inValue = true;
          break;
        case "is":
          inInline = true;
          break;
        case "rPh":
          phonetic += 1;
          break;
        case "t":
          if (inInline && phonetic === 0) inValue = true;
          break;
      }
    },
    text: (text) => {
      if (inValue) value.push(text);
    },
    close: (local) => {
      switch (local) {
        case "v":
        case "t":
          inValue = false;
          break;
        case "is":
          inInline = false;
          break;
        case "rPh":
          phonetic -= 1;
          break;
        case "c": {
          const cell = cellValue();
          if (cell !== undefined) {
            while (cells.length < column) cells.push(undefined);
            cells[column] = cell;
          }
          break;
        }
        case "row":
          ready.push({ row: rowNumber, cells });
          break;
      }
    },
  };
  for await (const _ of book.parse(part, handlers)) {
    for (const row of ready.splice(0)) yield row;
  }
}

/** The worksheets of an XLSX file in workbook order, each with its rows streamed. */
export async function* xlsxSheets(fileName: string, bytes: Buffer, budget: ReadBudget): AsyncGenerator<XlsxSheet> {
  const book = new Workbook(fileName, bytes, budget);
  const part = await workbookPart(book);
  const { sheets, date1904, rels } = await sheetList(book, part);
  if (sheets.length === 0) throw new ZipFormatError("no worksheets in the workbook");
  const partOf = (type: string) => [...rels.values()].find((rel) => rel.type.endsWith(`/${type}`))?.target;
  const context: SheetContext = {
    book,
    budget,
    date1904,
    strings: await sharedStrings(book, partOf("sharedStrings"), budget),
    dates: await dateStyles(book, partOf("styles")),
  };
  for (const sheet of sheets) yield { name: sheet.name, rows: worksheetRows(context, sheet.part) };
}
