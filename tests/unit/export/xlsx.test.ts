import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeXlsx } from "../../../server/export/xlsx.ts";
import { sampleElements } from "./sample.ts";

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe("XLSX export", () => {
  it("has sheets Nodes and Edges with a bold, frozen header row", async () => {
    const workbook = await readBack(await writeXlsx(sampleElements()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Nodes", "Edges"]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
  });

  it("reads back every row with Chinese text, numbers as numbers and multi-line text intact", async () => {
    const workbook = await readBack(await writeXlsx(sampleElements()));
    const nodes = workbook.getWorksheet("Nodes")!;
    const header = (nodes.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(["id", "type", "label", "nameEn"]);
    expect(nodes.rowCount).toBe(1 + 3);
    const col = (name: string) => header.indexOf(name) + 1;
    const nice = nodes.getRow(2);
    expect(nice.getCell(col("label")).value).toBe("纳爱斯集团");
    expect(nice.getCell(col("description")).value).toBe(sampleElements().nodes[0]?.data.description);
    expect(nodes.getRow(3).getCell(col("sizeYuan")).value).toBe(1_000_000_000);
    expect(workbook.getWorksheet("Edges")!.rowCount).toBe(1 + 2);
  });
});
