import { stringify } from "csv-stringify/sync";
import type { Elements } from "../../model/api/elements.ts";
import { neutralizeFormula } from "../../model/spreadsheet-text.ts";
import { edgeTable, nodeTable } from "./table.ts";

export type CsvTable = "nodes" | "edges";

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
