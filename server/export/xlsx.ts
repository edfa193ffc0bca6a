import ExcelJS from "exceljs";
import type { Elements } from "../../model/api/elements.ts";
import { xlsxText } from "../../model/spreadsheet-text.ts";
import { type Cell, edgeTable, nodeTable, type Table } from "./table.ts";

// Excel refuses longer cell text.
const MAX_CELL_CHARS = 32_767;

/** Text as XML can hold it, cut to what Excel accepts. */
function xlsxCell(cell: Cell): Cell {
  return typeof cell === "string" ? xlsxText(cell).slice(0, MAX_CELL_CHARS) : cell;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, table: Table) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((column) => ({ header: xlsxText(column), key: column, width: column === "sources" ? 60 : 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map(xlsxCell));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.columns.length) } };
}

/** A workbook with two sheets, Nodes and Edges, header row bold and frozen. */
export async function writeXlsx(elements: Elements): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Chain Atlas";
  addSheet(workbook, "Nodes", nodeTable(elements));
  addSheet(workbook, "Edges", edgeTable(elements));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
