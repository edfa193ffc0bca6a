import { PassThrough } from "node:stream";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Elements } from "../../../model/api/elements.ts";
import { unneutralizeFormula, xmlSafe } from "../../../model/spreadsheet-text.ts";
import { writeCsv } from "../../../server/export/csv.ts";
import { writeGexf } from "../../../server/export/gexf.ts";
import { writeGraphml } from "../../../server/export/graphml.ts";
import { writeJson } from "../../../server/export/json.ts";
import { writeXlsx } from "../../../server/export/xlsx.ts";
import { type Cell, readSheets } from "../../../server/import/read-sheets.ts";
import { csvBytes, headerRow, type SheetData, toTemplateRow, writeXlsx as writeTemplateXlsx } from "../../../server/import/workbook.ts";
import { type Xml, xmlParser } from "../../helpers/xml.ts";

/**
 * Finding 5 and 6 of issue 12, and the property behind them: any stored name goes through every
 * export format and comes back. What changes, and only that, is documented in docs/import.md:
 * XML-based formats (XLSX, GraphML, GEXF) drop the characters XML 1.0 cannot hold (most C0
 * controls, U+FFFE, U+FFFF); CSV keeps every character, a formula-leading cell carrying one
 * apostrophe that import takes off again.
 */
const TRICKY = [
  "=",
  "+",
  "-",
  "@",
  "\t",
  "\r",
  "\n",
  "\r\n",
  "'",
  '"',
  ",",
  "；",
  " ",
  "\uFFFE",
  "\uFFFF",
  "\u0001",
  "\u0000",
  "\u001f",
  "_x0041_",
  "_x000D_",
  "&amp;",
  "<b>",
  "]]>",
  "丽水",
  "纳爱斯",
  "𠀀",
  "é",
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(A1)",
];
const names = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "grapheme", maxLength: 6 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(""))
  .filter((name) => name.length > 0);

const elementsWith = (name: string): Elements => ({
  nodes: [{ data: { id: "firm:round-trip", type: "firm", label: name, name, description: name, aliases: [name], sources: [] } }],
  edges: [],
});

async function readAll(name: string, bytes: Buffer): Promise<Cell[][][]> {
  const sheets: Cell[][][] = [];
  for await (const sheet of readSheets({ name, bytes })) {
    const rows: Cell[][] = [];
    for await (const { cells } of sheet.rows) rows.push(cells);
    sheets.push(rows);
  }
  return sheets;
}

const xml = xmlParser(["key", "node", "data", "attribute", "attvalue"], { trimValues: false });

/** What an XML-based file can give back: the name without the characters XML forbids, "" read as absent. */
const viaXml = (name: string) => xmlSafe(name);
const cellOrEmpty = (cell: Cell) => (cell === undefined ? "" : String(cell));

async function streamed(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  return Buffer.concat(chunks);
}

async function* rowsOf(rows: (string | number)[][]) {
  yield* rows;
}

const RUNS = { numRuns: 60 };

describe("every export format gives back the names it was given", () => {
  it("JSON: exactly", () => {
    fc.assert(
      fc.property(names, (name) => {
        expect(JSON.parse(writeJson(elementsWith(name))).elements.nodes[0].data.label).toBe(name);
      }),
      RUNS,
    );
  });

  it("CSV (API): exactly, after import takes the formula apostrophe off; no cell starts a formula", async () => {
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const text = writeCsv(elementsWith(name), "nodes");
        const rows = parseCsv(text, { bom: true, relax_column_count: true }) as string[][];
        for (const cell of rows[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        const label = rows[1]![rows[0]!.indexOf("label")]!;
        expect(unneutralizeFormula(label)).toBe(name);
        const [read] = await readAll("nodes.csv", Buffer.from(text, "utf8"));
        expect(cellOrEmpty(read![1]![rows[0]!.indexOf("label")])).toBe(name);
      }),
      RUNS,
    );
  });

  it("XLSX (API): the XML-safe name, and the file always opens", async () => {
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const [nodes] = await readAll("export.xlsx", await writeXlsx(elementsWith(name)));
        const header = nodes![0]!.map(String);
        expect(cellOrEmpty(nodes![1]![header.indexOf("label")])).toBe(viaXml(name));
      }),
      RUNS,
    );
  });

  it("GraphML and GEXF: the XML-safe name, from well-formed XML", () => {
    fc.assert(
      fc.property(names, (name) => {
        const graphml = xml.parse(writeGraphml(elementsWith(name))) as Xml;
        const labelKey = (graphml.graphml.key as Xml[]).find((k) => k["@attr.name"] === "label" && k["@for"] === "node")?.["@id"];
        const data = (graphml.graphml.graph.node[0].data as Xml[]).find((d) => d["@key"] === labelKey);
        expect(data?.["#text"] ?? "").toBe(viaXml(name));
        const gexf = xml.parse(writeGexf(elementsWith(name))) as Xml;
        expect(gexf.gexf.graph.nodes.node[0]["@label"]).toBe(viaXml(name));
      }),
      RUNS,
    );
  });

  it("template CSV (HTTP and CLI --export --format csv): exactly, with no cell Excel would run as a formula", async () => {
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const row = toTemplateRow("firms", { id: "firm:round-trip", props: { name, description: name } });
        const bytes = await csvBytes({ kind: "firms", rows: rowsOf([row]) });
        const raw = parseCsv(bytes, { bom: true, relax_column_count: true }) as string[][];
        for (const cell of raw[1]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        const [read] = await readAll("firms.csv", bytes);
        const nameColumn = headerRow("firms").indexOf("名称 (name)");
        expect(cellOrEmpty(read![1]![nameColumn])).toBe(name);
      }),
      RUNS,
    );
  });

  it("template XLSX (HTTP and CLI --export): the XML-safe name, and import reads the file", async () => {
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const row = toTemplateRow("firms", { id: "firm:round-trip", props: { name } });
        const sheets: SheetData[] = [{ kind: "firms", rows: rowsOf([row]) }];
        const bytes = await streamed((out) => writeTemplateXlsx(sheets, out));
        const read = await readAll("templates.xlsx", bytes);
        const nameColumn = headerRow("firms").indexOf("名称 (name)");
        expect(cellOrEmpty(read[1]![1]![nameColumn])).toBe(viaXml(name));
      }),
      RUNS,
    );
  });
});

describe("the findings, by example", () => {
  it("U+FFFE / U+FFFF in a name no longer break the XLSX exports, and import reads them back (finding 5)", async () => {
    const name = "丽水\uFFFE美妆\uFFFF集团";
    const [nodes] = await readAll("export.xlsx", await writeXlsx(elementsWith(name)));
    expect(nodes![1]).toContain("丽水美妆集团");
    const row = toTemplateRow("firms", { id: "firm:round-trip", props: { name } });
    const read = await readAll("t.xlsx", await streamed((out) => writeTemplateXlsx([{ kind: "firms", rows: rowsOf([row]) }], out)));
    expect(read[1]![1]).toContain("丽水美妆集团");
  });

  it("the CLI's template CSV writes no formula (finding 6)", async () => {
    const attacks = [
      '=HYPERLINK("http://evil.example","点击")',
      "+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "-2+3",
      "\t=1+1",
      "\r=1+1",
    ];
    const rows = attacks.map((attack, i) =>
      toTemplateRow("firms", { id: `firm:attack-${i}`, props: { name: attack, description: attack } }),
    );
    const bytes = await csvBytes({ kind: "firms", rows: rowsOf(rows) });
    const raw = parseCsv(bytes, { bom: true, relax_column_count: true }) as string[][];
    for (const record of raw.slice(1)) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(raw.slice(1).map((record) => record[1])).toEqual(attacks.map((attack) => `'${attack}`));
  });
});
