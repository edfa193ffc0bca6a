import type { Writable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { neutralizeFormula, xlsxText } from "../../model/spreadsheet-text.ts";
import { encodeCsvText } from "./encoding.ts";
import { joinList, type Props } from "./read-records.ts";
import { allowedValues, type Column, headerText, IMPORT_KINDS, type ImportKind, KIND_SPECS } from "./templates.ts";

/** One sheet to write: a kind's header and its rows (none for a blank template). */
export interface SheetData {
  kind: ImportKind;
  rows: AsyncIterable<(string | number)[]>;
}

export const sheetName = (kind: ImportKind) => `${KIND_SPECS[kind].zh} ${kind}`;
export const csvFileName = (kind: ImportKind) => `${kind}.csv`;

export function headerRow(kind: ImportKind): string[] {
  return KIND_SPECS[kind].columns.map(headerText);
}

async function* noRows(): AsyncGenerator<(string | number)[]> {}

export function blankSheets(kinds: readonly ImportKind[] = IMPORT_KINDS): SheetData[] {
  return kinds.map((kind) => ({ kind, rows: noRows() }));
}

/**
 * A record as a template row: lists joined so they split back the same way, sources one per
 * line. Import reads this row back to exactly these properties (the round-trip test holds it).
 */
export function toTemplateRow(
  kind: ImportKind,
  record: { id?: string; type?: string; from?: string; to?: string; props: Props },
): (string | number)[] {
  return KIND_SPECS[kind].columns.map((column) => cellFor(column, record));
}

function cellFor(column: Column, record: { id?: string; type?: string; from?: string; to?: string; props: Props }): string | number {
  const { props } = record;
  const pick = (): unknown => {
    switch (column.field) {
      case "id":
        return record.id;
      case "type":
        return record.type;
      case "from":
        return record.from;
      case "to":
        return record.to;
      case "source.doc":
        return (props.sourceDocs as string[] | null) ?? [];
      case "source.quote":
        return (props.sourceQuotes as string[] | null) ?? [];
      case "source.date":
        return "";
      case "assumption":
        return props.assumption;
      default:
        return props[column.field.startsWith("props.") ? column.field.slice(6) : column.field];
    }
  };
  const value = pick();
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return column.field.startsWith("source.") ? value.join("\n") : joinList(value as string[]);
  if (typeof value === "number") return value;
  return String(value);
}

/** Text as XML (and Excel) can hold it: names with U+FFFF and the like must not break the workbook. */
const xlsxCell = (cell: string | number) => (typeof cell === "string" ? xlsxText(cell) : cell);

/** Writes the sheets as one workbook, streamed, with a readme sheet explaining every column first. */
export async function writeXlsx(sheets: SheetData[], output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const readme = workbook.addWorksheet("说明 readme");
  readme.columns = [
    { header: "工作表 sheet", width: 22 },
    { header: "列 column", width: 30 },
    { header: "必填 required", width: 12 },
    { header: "说明 / 可选值 notes / allowed values", width: 100 },
  ];
  readme.getRow(1).font = { bold: true };
  for (const line of README_LINES) readme.addRow(["", "", "", line]).commit();
  for (const { kind } of sheets) {
    for (const column of KIND_SPECS[kind].columns) {
      readme
        .addRow([
          sheetName(kind),
          headerText(column),
          column.required ? "是 yes" : "",
          [allowedValues(column), column.hint].filter(Boolean).join(" — "),
        ])
        .commit();
    }
  }
  await readme.commit();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.kind), { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = KIND_SPECS[sheet.kind].columns.map((column) => ({
      header: headerText(column),
      width: Math.max(14, headerText(column).length * 2),
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    for await (const row of sheet.rows) worksheet.addRow(row.map(xlsxCell)).commit();
    await worksheet.commit();
  }
  await workbook.commit();
}

/**
 * One sheet as CSV text in UTF-8 with a BOM (so Excel opens the Chinese correctly by
 * double-click); a cell that Excel would run as a formula gets an apostrophe in front, which
 * import takes off again.
 */
export async function csvBytes(sheet: SheetData): Promise<Buffer> {
  const lines: string[] = [stringify([headerRow(sheet.kind)], { record_delimiter: "\r\n" })];
  let pending: (string | number)[][] = [];
  for await (const row of sheet.rows) {
    pending.push(row.map(neutralizeFormula));
    if (pending.length >= 1000) {
      lines.push(stringify(pending, { record_delimiter: "\r\n" }));
      pending = [];
    }
  }
  if (pending.length > 0) lines.push(stringify(pending, { record_delimiter: "\r\n" }));
  return encodeCsvText(lines.join(""));
}

const README_LINES = [
  "Chain Atlas 导入模板 import templates. 每个工作表一种记录；第一行是表头，可写“中文名 (english_key)”、中文名或 english_key。",
  "One sheet per record kind; the header may be “中文 (key)”, the Chinese name alone or the key alone. Sheet or CSV file names select the kind (企业 / firms.csv …).",
  "编号 (id) 稳定不变：重复导入同一文件不会产生重复记录。 Ids are stable: importing the same file again changes nothing.",
  "多个值用 ；或 、分隔（或每行一个）。 Lists: separate with ；or 、, or one per line.",
  "金额以元为单位，可写 5亿、3000万；“约5亿”“5-6亿”“亿元以上”会被拒绝。 Money in yuan; 5亿 / 3000万 accepted, approximations and ranges refused.",
  "每行需要来源：来源文件 + 引文（多个来源每行一个），或在 备注 中说明。 Every row needs a source document and its quote, or a note.",
];
