/**
 * How much one import may make the app read and keep. Every bound is checked while the file is
 * streamed (bytes counted as they are inflated, rows as they are parsed), never after the fact,
 * so a hostile file stops the import at the limit instead of filling memory first.
 */
export interface ImportLimits {
  /** Bytes inflated from all zip entries of one import (worksheets, shared strings, styles …). */
  maxUnpackedBytes: number;
  /** Bytes inflated from one workbook's shared-strings part: the part kept in memory while reading. */
  maxSharedStringsBytes: number;
  /** Data rows of all sheets of one import together. */
  maxRows: number;
  /** Columns of one row. */
  maxColumns: number;
  /** Characters of one cell (Excel itself stops at 32,767). */
  maxCellChars: number;
  /** Problems listed in a report; the rest are counted, not listed. */
  maxProblems: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxUnpackedBytes: 256 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 256,
  maxCellChars: 32_767,
  maxProblems: 1000,
};

/** The environment variable that sets each limit, named in every refusal so an admin knows what to raise. */
export const LIMIT_SETTINGS: Record<keyof ImportLimits, string> = {
  maxUnpackedBytes: "IMPORT_MAX_UNPACKED_MB",
  maxSharedStringsBytes: "IMPORT_MAX_SHARED_STRINGS_MB",
  maxRows: "IMPORT_MAX_ROWS",
  maxColumns: "IMPORT_MAX_COLUMNS",
  maxCellChars: "IMPORT_MAX_CELL_CHARS",
  maxProblems: "IMPORT_MAX_PROBLEMS",
};

/** A file beyond a limit: the import stops at once (HTTP 413) and the message names the limit. */
export class ImportLimitError extends Error {
  constructor(
    readonly limit: keyof ImportLimits,
    readonly fileName: string,
    what: string,
  ) {
    super(
      `${fileName}: ${what} (limit ${LIMIT_SETTINGS[limit]}); 文件超出导入上限，请拆分后分批导入 / split the file and import it in parts`,
    );
    this.name = "ImportLimitError";
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The running totals of one import, shared by all its files and sheets. */
export class ReadBudget {
  private unpacked = 0;
  private rows = 0;

  constructor(readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS) {}

  /** Counts bytes as a zip entry inflates; throws as soon as the import has unpacked too much. */
  unpack(fileName: string, bytes: number) {
    this.unpacked += bytes;
    if (this.unpacked > this.limits.maxUnpackedBytes) {
      throw new ImportLimitError("maxUnpackedBytes", fileName, `unpacks to more than ${mb(this.limits.maxUnpackedBytes)}`);
    }
  }

  sharedStrings(fileName: string, bytes: number) {
    if (bytes > this.limits.maxSharedStringsBytes) {
      throw new ImportLimitError(
        "maxSharedStringsBytes",
        fileName,
        `its shared strings unpack to more than ${mb(this.limits.maxSharedStringsBytes)}`,
      );
    }
  }

  /** Counts one row; throws past the row limit. */
  row(fileName: string) {
    this.rows += 1;
    if (this.rows > this.limits.maxRows) {
      throw new ImportLimitError("maxRows", fileName, `more than ${this.limits.maxRows.toLocaleString("en")} rows in this import`);
    }
  }

  columns(fileName: string, row: number, columns: number) {
    if (columns > this.limits.maxColumns) {
      throw new ImportLimitError("maxColumns", fileName, `row ${row} has more than ${this.limits.maxColumns} columns`);
    }
  }
}
