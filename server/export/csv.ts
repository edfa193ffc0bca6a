import { stringify } from "csv-stringify/sync";
import type { Elements } from "../schemas/elements.ts";
import { type Cell, edgeTable, nodeTable } from "./table.ts";

export type CsvTable = "nodes" | "edges";

// A cell starting with these is run as a formula by Excel and LibreOffice (CSV injection);
// a leading apostrophe makes it text there, and the value still reads back unambiguously.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(cell: Cell): Cell {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * One table (nodes or edges) as RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel opens
 * Chinese text correctly; fields with commas, quotes or line breaks are quoted.
 */
export function writeCsv(elements: Elements, table: CsvTable): string {
  const { columns, rows } = table === "nodes" ? nodeTable(elements) : edgeTable(elements);
  return stringify([columns, ...rows.map((row) => row.map(neutralizeFormula))], {
    bom: true,
    record_delimiter: "windows",
    cast: { boolean: (value) => (value ? "true" : "false") },
  });
}
