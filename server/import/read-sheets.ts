import { Readable } from "node:stream";
import { type CsvError, parse } from "csv-parse";
import type { ImportProblem } from "../../model/api/imports.ts";
import { unneutralizeFormula } from "../../model/spreadsheet-text.ts";
import { BOM_MISMATCH_MESSAGE, decodeText, type EncodingIssue, encodingProblem, type TextEncoding } from "./encoding.ts";
import { ImportLimitError, ReadBudget } from "./limits.ts";
import { type ImportKind, kindFromName } from "./templates.ts";
import { xlsxSheets } from "./xlsx-reader.ts";

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

/** What reading shares across the files of one import: the limits' running totals, and where problems go. */
export interface ReadContext {
  budget: ReadBudget;
  problems: { push(...problems: ImportProblem[]): unknown };
}

export const isXlsx = (name: string) => /\.xlsx$/i.test(name);
export const isCsv = (name: string) => /\.(csv|txt)$/i.test(name);

/** A file that cannot be read as what its name says (a renamed or damaged workbook, a broken CSV). */
export class UnreadableFileError extends Error {
  constructor(fileName: string, cause: unknown, what = "XLSX workbook") {
    super(`${fileName}: not a readable ${what} (${(cause as Error)?.message ?? String(cause)})`);
    this.name = "UnreadableFileError";
  }
}

/** Re-throws anything a reader throws, other than a limit, as UnreadableFileError naming the file. */
async function* unreadableAs<T>(fileName: string, what: string, source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    if (error instanceof UnreadableFileError || error instanceof ImportLimitError) throw error;
    throw new UnreadableFileError(fileName, error, what);
  }
}

// Long reads give the event loop a turn this often, so /api/health and other requests still answer.
const ROWS_PER_TURN = 2000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The sheets of one file: a CSV is one sheet named by its file; an XLSX has one per worksheet.
 * Rows, columns and unpacked bytes count against `context.budget` as they are read; cells
 * longer than the limit are cut and reported.
 */
export async function* readSheets(
  file: ImportFile,
  context: ReadContext = { budget: new ReadBudget(), problems: [] },
): AsyncGenerator<SheetRows> {
  const sheets = isXlsx(file.name) ? xlsxFileSheets(file, context) : csvSheet(file, context);
  for await (const sheet of sheets) {
    yield {
      ...sheet,
      rows: checkedRows(sheet, context, unreadableAs(file.name, isXlsx(file.name) ? "XLSX workbook" : "CSV file", sheet.rows)),
    };
  }
}

async function* xlsxFileSheets(file: ImportFile, context: ReadContext): AsyncGenerator<SheetRows> {
  for await (const sheet of unreadableAs(file.name, "XLSX workbook", xlsxSheets(file.name, file.bytes, context.budget))) {
    yield { file: file.name, sheet: sheet.name, kind: kindFromName(sheet.name), encoding: "xlsx", rows: sheet.rows };
  }
}

/** Cells cut to the length limit (with an error naming the cell), and a turn for the event loop now and then. */
async function* checkedRows(sheet: SheetRows, context: ReadContext, rows: AsyncIterable<{ row: number; cells: Cell[] }>) {
  const { maxCellChars } = context.budget.limits;
  let count = 0;
  for await (const { row, cells } of rows) {
    cells.forEach((cell, index) => {
      if (typeof cell !== "string" || cell.length <= maxCellChars) return;
      cells[index] = cell.slice(0, maxCellChars);
      context.problems.push({
        file: sheet.file,
        sheet: sheet.sheet,
        row,
        column: columnLetter(index),
        severity: "error",
        message: `第${row}行 ${columnLetter(index)} 列超过 ${maxCellChars} 个字符 / cell ${columnLetter(index)}${row} is longer than ${maxCellChars} characters (IMPORT_MAX_CELL_CHARS)`,
      });
    });
    yield { row, cells };
    count += 1;
    if (count % ROWS_PER_TURN === 0) await nextTurn();
  }
}

// Rows suspected of a wrong encoding listed one by one, per file; the rest summed up in one line.
const ENCODING_ROWS_LISTED = 20;

async function* csvSheet(file: ImportFile, context: ReadContext): AsyncGenerator<SheetRows> {
  const decoded = decodeText(file.bytes);
  const { text } = decoded;
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  // Excel's "Unicode text" and some WPS exports separate with tabs.
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const { maxCellChars } = context.budget.limits;
  // Fed in slices: csv-parse turns one chunk into records all at once, so a whole 50 MB text
  // handed over in one piece would become a million records in memory before the first is read.
  const parser = Readable.from(slices(text)).pipe(
    parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      bom: true,
      info: true,
      // One record is held whole while it is parsed: bound it before it is split into cells.
      max_record_size: Math.max(1_000_000, maxCellChars * 4),
    }),
  );
  if (decoded.issue === "bom-mismatch") {
    context.problems.push({ file: file.name, sheet: null, row: null, column: null, severity: "error", message: BOM_MISMATCH_MESSAGE });
  }
  const suspects = new SuspectRows(file.name, decoded.suspectLines, decoded.issue, context);
  yield {
    file: file.name,
    sheet: null,
    kind: kindFromName(file.name.split(/[\\/]/).pop() ?? file.name),
    encoding: decoded.encoding,
    estimatedRows: countLines(text),
    rows: (async function* () {
      let row = 0;
      try {
        for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          row += 1;
          context.budget.row(file.name);
          context.budget.columns(file.name, row, record.length);
          suspects.check(row, info.lines);
          yield { row, cells: record.map((cell) => (cell === "" ? undefined : unneutralizeFormula(cell))) };
        }
      } catch (error) {
        if ((error as CsvError).code === "CSV_MAX_RECORD_SIZE") {
          throw new ImportLimitError(
            "maxCellChars",
            file.name,
            `row ${row + 1} is longer than ${Math.max(1_000_000, maxCellChars * 4)} characters`,
          );
        }
        throw error;
      } finally {
        suspects.finish();
      }
    })(),
  };
}

/** Reports the rows that hold lines the decoder found suspect: the first few by number, then a count. */
class SuspectRows {
  private next = 0;
  private lastLine = 0;
  private rows: number[] = [];

  constructor(
    private readonly file: string,
    private readonly lines: number[],
    private readonly issue: EncodingIssue | undefined,
    private readonly context: ReadContext,
  ) {}

  /** A record spans the lines after the previous record's last line up to `lastLine`. */
  check(row: number, lastLine: number) {
    let hit = false;
    while (this.next < this.lines.length && this.lines[this.next]! <= lastLine) {
      if (this.lines[this.next]! > this.lastLine) hit = true;
      this.next += 1;
    }
    this.lastLine = lastLine;
    if (!hit || !this.issue) return;
    this.rows.push(row);
    if (this.rows.length <= ENCODING_ROWS_LISTED) this.report(row, encodingProblem(this.issue, row));
  }

  finish() {
    const more = this.rows.length - ENCODING_ROWS_LISTED;
    if (more > 0 && this.issue) {
      this.report(null, `另有 ${more} 行编码有误 / ${more} more row(s) with the same encoding problem`);
    }
  }

  private report(row: number | null, message: string) {
    this.context.problems.push({ file: this.file, sheet: null, row, column: null, severity: "error", message });
  }
}

const SLICE_CHARS = 64 * 1024;

function* slices(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += SLICE_CHARS) yield text.slice(at, at + SLICE_CHARS);
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines += 1;
  return lines + 1;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
