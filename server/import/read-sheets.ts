import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { decodeText, type TextEncoding } from "./encoding.ts";
import { type ImportKind, kindFromName } from "./templates.ts";

export interface ImportFile {
  name: string;
  bytes: Buffer;
}

/** A cell as the importer sees it: text, a number (XLSX numeric cells), or empty. */
export type Cell = string | number | undefined;

export interface SheetRows {
  file: string;
  sheet: string | null;
  kind: ImportKind | null;
  encoding: TextEncoding | "xlsx";
  /** Rows in order; row 1 is the header. Must be read to the end before the next sheet. */
  rows: AsyncIterable<{ row: number; cells: Cell[] }>;
  /** Rough row count for progress, when known before reading. */
  estimatedRows?: number;
}

export const isXlsx = (name: string) => /\.xlsx$/i.test(name);
export const isCsv = (name: string) => /\.(csv|txt)$/i.test(name);

/** The sheets of one file: a CSV is one sheet named by its file; an XLSX has one per worksheet. */
export async function* readSheets(file: ImportFile): AsyncGenerator<SheetRows> {
  if (isXlsx(file.name)) {
    yield* readXlsx(file);
    return;
  }
  const { text, encoding } = decodeText(file.bytes);
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  // Excel's "Unicode text" and some WPS exports separate with tabs.
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const parser = Readable.from([text]).pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, bom: true }));
  yield {
    file: file.name,
    sheet: null,
    kind: kindFromName(file.name.split(/[\\/]/).pop() ?? file.name),
    encoding,
    estimatedRows: countLines(text),
    rows: (async function* () {
      let row = 0;
      for await (const record of parser as AsyncIterable<string[]>) {
        row += 1;
        yield { row, cells: record.map((cell) => (cell === "" ? undefined : cell)) };
      }
    })(),
  };
}

/** A file that cannot be read as what its name says (a renamed or damaged workbook). */
export class UnreadableFileError extends Error {
  constructor(fileName: string, cause: unknown) {
    super(`${fileName}: not a readable XLSX workbook (${(cause as Error)?.message ?? String(cause)})`);
    this.name = "UnreadableFileError";
  }
}

/** Re-throws anything the workbook reader throws as UnreadableFileError naming the file. */
async function* unreadableAs<T>(fileName: string, source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw error instanceof UnreadableFileError ? error : new UnreadableFileError(fileName, error);
  }
}

async function* readXlsx(file: ImportFile): AsyncGenerator<SheetRows> {
  for await (const sheet of unreadableAs(file.name, readXlsxSheets(file))) {
    yield { ...sheet, rows: unreadableAs(file.name, sheet.rows) };
  }
}

async function* readXlsxSheets(file: ImportFile): AsyncGenerator<SheetRows> {
  const reader = new Utf8SafeWorkbookReader(Readable.from(file.bytes), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  for await (const worksheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
    yield {
      file: file.name,
      sheet: worksheet.name,
      kind: kindFromName(worksheet.name),
      encoding: "xlsx",
      rows: (async function* () {
        for await (const row of worksheet) {
          const values = row.values as unknown[];
          yield { row: row.number, cells: values.slice(1).map(normalizeXlsxCell) };
        }
      })(),
    };
  }
}

/** Rich text, formulas, hyperlinks and dates as the text or number the planner sees in the cell. */
export function normalizeXlsxCell(value: unknown): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return normalizeXlsxCell(v.richText.map((part) => part.text).join(""));
    if ("result" in v) return normalizeXlsxCell(v.result);
    if (v.text !== undefined) return normalizeXlsxCell(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines += 1;
  return lines + 1;
}

/**
 * exceljs's streaming reader turns each decompressed chunk into text on its own, so a Chinese
 * character split across two chunks becomes "��" (exceljs issues #2084, #2063; unfixed in 4.4).
 * This reader hands the XML parser text decoded across chunk boundaries instead.
 */
interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
}
const baseReader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  async *_parseSharedStrings(entry: Readable) {
    entry.setEncoding("utf8");
    yield* baseReader._parseSharedStrings.call(this, entry);
  }

  *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string) {
    yield* baseReader._parseWorksheet.call(this, decodeUtf8(iterator), sheetNo);
  }
}

async function* decodeUtf8(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) yield typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
  const rest = decoder.end();
  if (rest) yield rest;
}
