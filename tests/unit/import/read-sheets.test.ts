import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSheets } from "../../../server/import/read-sheets.ts";

// Enough Chinese text that the zip inflates in many chunks, so some chunk boundary falls inside
// a three-byte character: the case exceljs's own streaming reader garbles.
const ROWS = Array.from({ length: 4000 }, (_, i) => [
  `firm:f-${i}`,
  `丽水第${i}号美妆日化有限公司`,
  `莲都区经济开发区绿谷大道${i}号：中药材种植、加工、销售`,
]);

async function readAll(bytes: Buffer) {
  const out: { sheet: string | null; kind: string | null; rows: unknown[][] }[] = [];
  for await (const sheet of readSheets({ name: "book.xlsx", bytes })) {
    const rows: unknown[][] = [];
    for await (const { cells } of sheet.rows) rows.push(cells);
    out.push({ sheet: sheet.sheet, kind: sheet.kind, rows });
  }
  return out;
}

describe("readSheets on XLSX", () => {
  it("keeps every Chinese character intact with shared strings (Excel's own format)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("企业");
    sheet.addRow(["编号", "名称", "简介"]);
    for (const row of ROWS) sheet.addRow(row);
    const [read] = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read?.kind).toBe("firms");
    expect(read?.rows.slice(1)).toEqual(ROWS);
  });

  it("keeps every Chinese character intact with inline strings (streamed writers)", async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const sheet = workbook.addWorksheet("firms");
    for (const row of ROWS) sheet.addRow(row).commit();
    await sheet.commit();
    await workbook.commit();
    const [read] = await readAll(Buffer.concat(chunks));
    expect(read?.rows).toEqual(ROWS);
  });

  it("reads dates, formulas and numbers as the planner sees them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("基金");
    sheet.addRow([new Date(Date.UTC(2024, 4, 1)), { formula: "1+1", result: 2 }, 1.5, { richText: [{ text: "甲" }, { text: "乙" }] }]);
    const [read] = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read?.rows).toEqual([["2024-05-01", 2, 1.5, "甲乙"]]);
  });
});

describe("readSheets on XLSX number formats", () => {
  it("reads Chinese date formats as dates and amounts with a unit as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("基金");
    const row = sheet.addRow([45413, 45413, 500000000, 45413.75]);
    row.getCell(1).numFmt = 'yyyy"年"m"月"d"日"';
    row.getCell(2).numFmt = "yyyy/m/d;@";
    row.getCell(3).numFmt = '#,##0"元"';
    row.getCell(4).numFmt = "[$-804]yyyy-mm-dd hh:mm";
    const [read] = await readAll(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read?.rows).toEqual([["2024-05-01", "2024-05-01", 500000000, "2024-05-01"]]);
  });

  it("refuses a file that is not a workbook as unreadable, naming it", async () => {
    await expect(readAll(Buffer.from("编号,名称\nfirm:x,甲\n"))).rejects.toThrow(/book\.xlsx: not a readable XLSX workbook/);
  });
});
