import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport } from "../../../model/api/imports.ts";
import { encodeCsvText } from "../../../server/import/encoding.ts";
import { importDocumentId } from "../../../server/import/read-records.ts";
import type { ImportFile } from "../../../server/import/read-sheets.ts";
import { csvBytes, csvFileName, writeXlsx } from "../../../server/import/workbook.ts";
import { listImportBatches, RevertConflictError, revertImportBatch } from "../../../server/repositories/imports.ts";
import { exportSheets } from "../../../server/services/export-data.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";

const graph = testGraph();
afterAll(() => graph.driver.close());

// Ids unique to this file, so its records never meet another test's.
const P = `it-import-${Date.now().toString(36)}`;
const DOC_NAME = "莲都区2024年规上企业名录";

const FIRMS_CSV = [
  "编号 (id),名称 (name),英文名 (name_en),别名 (aliases),标签 (tags),产品 (products),来源文件 (source_doc),来源日期 (source_date),引文 (source_quote),备注 (note)",
  `firm:${P}-a,丽水甲化妆品有限公司,Lishui A Cosmetics,甲化妆品；甲公司,规上、专精特新,面霜；精华液,${DOC_NAME},2024-03,名录第1行：丽水甲化妆品有限公司,`,
  `firm:${P}-b,丽水乙包装材料有限公司,,,规上,"化妆品包装, 瓶盖",${DOC_NAME},2024-03,名录第2行：丽水乙包装材料有限公司,`,
  `firm:${P}-c,丽水丙生物科技有限公司,,,,,,,,由规划科补录的企业`,
].join("\r\n");

const TIES_CSV = [
  "关系类型 (type),起点编号 (from),终点编号 (to),产品 (product),来源文件 (source_doc),引文 (source_quote),备注 (note)",
  `供应,firm:${P}-b,firm:${P}-a,化妆品包装瓶,${DOC_NAME},乙公司为甲公司供应包装瓶,`,
  `IN_SEGMENT,firm:${P}-a,segment:bh-functional-skincare,,,,按主营产品归入功能性护肤环节`,
  `LOCATED_IN,firm:${P}-a,region:lianzhou,,,,注册地在莲都区`,
].join("\r\n");

const utf8 = (name: string, text: string): ImportFile => ({ name, bytes: Buffer.from(text, "utf8") });
const files = (encode: (text: string) => Buffer): ImportFile[] => [
  { name: "firms.csv", bytes: encode(FIRMS_CSV) },
  { name: "ties.csv", bytes: encode(TIES_CSV) },
];

const importAs = (input: ImportFile[], dryRun: boolean) => runImport(graph, input, { dryRun, user: "test-planner" });

async function firm(id: string) {
  const rows = await graph.runRaw("MATCH (n:Firm {id: $id}) RETURN properties(n) AS props", { id });
  return rows[0]?.props as Record<string, unknown> | undefined;
}

function expectOk(report: ImportReport) {
  expect(
    report.problems.filter((p) => p.severity === "error"),
    "import problems",
  ).toEqual([]);
  expect(report.ok).toBe(true);
}

let baseline: Awaited<ReturnType<typeof graphChecksum>>;
beforeAll(async () => {
  baseline = await graphChecksum(graph);
});

describe("import: encodings, dry run, apply, re-import, edit, revert", () => {
  it("a dry run of a UTF-8 CSV pair lists what would be created and writes nothing", async () => {
    const report = await importAs(
      files((t) => Buffer.from(t, "utf8")),
      true,
    );
    expectOk(report);
    expect(report.sheets.map((s) => [s.kind, s.rows, s.encoding])).toEqual([
      ["firms", 3, "utf-8"],
      ["ties", 3, "utf-8"],
    ]);
    expect(report.counts).toEqual({
      entities: { created: 3, updated: 0, unchanged: 0 },
      relations: { created: 3, updated: 0, unchanged: 0 },
      documentsCreated: 1,
    });
    expect(await graphChecksum(graph)).toEqual(baseline);
  });

  it.each([
    ["UTF-8", (t: string) => Buffer.from(t, "utf8"), "utf-8"],
    ["UTF-8 with BOM", encodeCsvText, "utf-8-bom"],
    ["GBK", (t: string) => iconv.encode(t, "gbk"), "gb18030"],
  ] as const)(
    "applies a %s CSV, stores the Chinese intact, and reverts to the exact previous database",
    async (_name, encode, encoding) => {
      const report = await importAs(files(encode), false);
      expectOk(report);
      expect(report.sheets.map((s) => s.encoding)).toEqual([encoding, encoding]);
      expect(report.batch?.entitiesCreated).toBe(3);
      const a = await firm(`firm:${P}-a`);
      expect(a).toMatchObject({
        name: "丽水甲化妆品有限公司",
        aliases: ["甲化妆品", "甲公司"],
        tags: ["规上", "专精特新"],
        products: ["面霜", "精华液"],
        sourceDocs: [importDocumentId(DOC_NAME)],
        sourceQuotes: ["名录第1行：丽水甲化妆品有限公司"],
        importBatch: report.batch!.id,
        importedBy: "test-planner",
      });
      expect((await firm(`firm:${P}-c`))?.assumption).toBe("由规划科补录的企业");
      const doc = await graph.runRaw("MATCH (d:Document {id: $id}) RETURN d.title AS title, d.date AS date", {
        id: importDocumentId(DOC_NAME),
      });
      expect(doc).toEqual([{ title: DOC_NAME, date: "2024-03" }]);
      const supplies = await graph.runRaw("MATCH (:Firm {id: $b})-[r:SUPPLIES]->(:Firm {id: $a}) RETURN r.product AS product", {
        a: `firm:${P}-a`,
        b: `firm:${P}-b`,
      });
      expect(supplies).toEqual([{ product: "化妆品包装瓶" }]);

      await revertImportBatch(graph, report.batch!.id, "test-planner");
      const after = await graphChecksum(graph);
      // The reverted batch record stays as history; everything else is back byte for byte.
      await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: report.batch!.id });
      expect(await graphChecksum(graph)).toEqual(baseline);
      expect(after.nodes).toBe(baseline.nodes + 1);
    },
  );

  it("reads an XLSX workbook with sheets named in Chinese, numeric and rich-text cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const firms = workbook.addWorksheet("企业");
    firms.addRow(["编号", "名称", "标签", "来源文件", "引文"]);
    firms.addRow([`firm:${P}-x`, { richText: [{ text: "丽水" }, { text: "戊公司" }] }, "规上", DOC_NAME, "名录第9行：丽水戊公司"]);
    const funds = workbook.addWorksheet("基金 funds");
    funds.addRow(["编号 (id)", "名称 (name)", "规模(元) (size_yuan)", "首期规模(元) (first_close_yuan)", "备注 (note)"]);
    funds.addRow([`fund:${P}-f`, "丽水测试基金", "1.85亿", 30000000, "测试用基金数据"]);
    workbook.addWorksheet("备忘").addRow(["随手记"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const report = await importAs([{ name: "planner.xlsx", bytes }], false);
    expectOk(report);
    // The firm row names no region or segment: accepted, with the warning that it counts nowhere.
    expect(report.problems).toEqual([
      expect.objectContaining({ sheet: "备忘", severity: "warning" }),
      expect.objectContaining({
        sheet: "企业",
        row: 2,
        severity: "warning",
        message: expect.stringMatching(/will not appear in any analysis/),
      }),
    ]);
    expect((await firm(`firm:${P}-x`))?.name).toBe("丽水戊公司");
    const fund = await graph.runRaw("MATCH (f:Fund {id: $id}) RETURN f.sizeYuan AS size, f.firstCloseYuan AS first", { id: `fund:${P}-f` });
    expect(fund).toEqual([{ size: 185000000, first: 30000000 }]);
    await revertImportBatch(graph, report.batch!.id, "test-planner");
    await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: report.batch!.id });
    expect(await firm(`firm:${P}-x`)).toBeUndefined();
    expect(await graphChecksum(graph)).toEqual(baseline);
  });

  it("re-importing the same files is a no-op; an edited file updates only what changed; reverts undo in order", async () => {
    const first = await importAs(
      files((t) => Buffer.from(t, "utf8")),
      false,
    );
    expectOk(first);
    const afterFirst = await graphChecksum(graph);

    const again = await importAs(
      files((t) => Buffer.from(t, "utf8")),
      false,
    );
    expectOk(again);
    expect(again.counts).toEqual({
      entities: { created: 0, updated: 0, unchanged: 3 },
      relations: { created: 0, updated: 0, unchanged: 3 },
      documentsCreated: 0,
    });
    expect(again.batch).toBeUndefined();
    expect(await graphChecksum(graph)).toEqual(afterFirst);

    const edited = FIRMS_CSV.replace("丽水乙包装材料有限公司", "丽水乙新材料有限公司").replace("规上、专精特新", "规上");
    const second = await importAs([utf8("firms.csv", edited), utf8("ties.csv", TIES_CSV)], false);
    expectOk(second);
    expect(second.counts.entities).toEqual({ created: 0, updated: 2, unchanged: 1 });
    expect(second.counts.relations).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(second.changes.map((c) => c.what).join("\n")).toMatch(/丽水乙包装材料有限公司 → 丽水乙新材料有限公司/);
    expect((await firm(`firm:${P}-b`))?.name).toBe("丽水乙新材料有限公司");
    expect((await firm(`firm:${P}-a`))?.tags).toEqual(["规上"]);
    expect((await firm(`firm:${P}-c`))?.importBatch).toBe(first.batch!.id);

    await expect(revertImportBatch(graph, first.batch!.id, "test-planner")).rejects.toThrow(RevertConflictError);
    await revertImportBatch(graph, second.batch!.id, "test-planner");
    expect((await firm(`firm:${P}-b`))?.name).toBe("丽水乙包装材料有限公司");
    expect((await firm(`firm:${P}-a`))?.tags).toEqual(["规上", "专精特新"]);
    await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: second.batch!.id });
    expect(await graphChecksum(graph)).toEqual(afterFirst);

    const listed = await listImportBatches(graph);
    expect(listed.find((b) => b.id === first.batch!.id)).toMatchObject({
      user: "test-planner",
      fileName: "firms.csv, ties.csv",
      status: "applied",
    });
    expect(listed.find((b) => b.id === first.batch!.id)?.fileHash).toMatch(/^[0-9a-f]{64}$/);

    await revertImportBatch(graph, first.batch!.id, "test-planner");
    await expect(revertImportBatch(graph, first.batch!.id, "test-planner")).rejects.toThrow(/already reverted/);
    await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: first.batch!.id });
    expect(await graphChecksum(graph)).toEqual(baseline);
  });
});

describe("import: a file with errors is refused, precisely, and nothing changes", () => {
  const BAD = [
    "编号 (id),名称 (name),标签 (tags),来源文件 (source_doc),引文 (source_quote),备注 (note)",
    `firm:${P}-ok,一家没问题的企业,规上,,,这一行本身没有问题`,
    `firm:${P}-ok,重复编号的企业,,,,重复的编号应被发现`,
    `firm:${P}-tag,标签错误的企业,独角兽公司,,,标签不在允许的列表中`,
    `firm:${P}-nosrc,没有来源的企业,,,,`,
    `company-7,编号格式错误,,,,编号不是 firm: 开头`,
    `firm:${P}-q,引文不足,,某文件,,`,
  ].join("\n");
  const BAD_TIES = [
    "关系类型 (type),起点编号 (from),终点编号 (to),备注 (note)",
    `IN_SEGMENT,firm:${P}-ok,segment:no-such-segment,未知的环节编号`,
    `SUPPLIES,firm:${P}-ok,firm:${P}-ghost,指向不存在的企业`,
    `SUPPLIES,firm:${P}-ok,region:lianzhou,供应关系的终点类型错误`,
    `朋友,firm:${P}-ok,firm:nice-group,不存在的关系类型`,
  ].join("\n");
  const BAD_FUNDS = [
    "编号 (id),名称 (name),规模(元) (size_yuan),备注 (note)",
    `fund:${P}-vague,规模模糊的基金,约5亿,规模写成约数`,
    `fund:${P}-range,规模区间的基金,5-6亿,规模写成区间`,
  ].join("\n");

  it("lists every problem with file, row, column and a plain message; the database is byte-for-byte unchanged", async () => {
    const before = await graphChecksum(graph);
    const report = await importAs([utf8("firms.csv", BAD), utf8("ties.csv", BAD_TIES), utf8("funds.csv", BAD_FUNDS)], false);
    expect(report.ok).toBe(false);
    expect(report.batch).toBeUndefined();
    const found = report.problems.map((p) => `${p.file}|${p.row}|${p.column}|${p.message}`);
    const expectProblem = (file: string, row: number, column: string | null, message: RegExp) =>
      expect(
        found.some((line) => line.startsWith(`${file}|${row}|${column}|`) && message.test(line)),
        `expected a problem at ${file} row ${row} column ${column} matching ${message}; got:\n${found.join("\n")}`,
      ).toBe(true);
    expectProblem("firms.csv", 3, "id", /duplicate id "firm:.*-ok": also at firms.csv row 2/);
    expectProblem("firms.csv", 4, "tags", /"独角兽公司" not allowed/);
    expectProblem("firms.csv", 5, "source_doc", /needs at least one source/);
    expectProblem("firms.csv", 6, "id", /id must look like prefix:key/);
    expectProblem("firms.csv", 7, "source_quote", /1 source document\(s\) but 0 quote/);
    expectProblem("ties.csv", 2, "to", /unknown id "segment:no-such-segment"/);
    expectProblem("ties.csv", 3, "to", /unknown id "firm:.*-ghost"/);
    expectProblem("ties.csv", 4, "to", /SUPPLIES cannot end at a region/);
    expectProblem("ties.csv", 5, "type", /"朋友" is not a 关系类型/);
    expectProblem("funds.csv", 2, "size_yuan", /"约5亿" is an approximate amount/);
    expectProblem("funds.csv", 3, "size_yuan", /"5-6亿" is a range/);
    expect(await graphChecksum(graph)).toEqual(before);
  });

  it("refuses a sheet without the required columns and a file named after no template", async () => {
    const before = await graphChecksum(graph);
    const report = await importAs([utf8("firms.csv", "编号,备注\nfirm:x,没有名称列的表格"), utf8("list.csv", "a,b\n1,2")], false);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "firms.csv", row: 1, column: "name", message: "missing column 名称 (name)" }),
        expect.objectContaining({
          file: "list.csv",
          row: null,
          message: expect.stringMatching(/no sheet or file name says what it holds/),
        }),
      ]),
    );
    expect(await graphChecksum(graph)).toEqual(before);
  });
});

describe("export → import round trip", () => {
  async function exportedCsv(): Promise<ImportFile[]> {
    const out: ImportFile[] = [];
    for (const sheet of exportSheets(graph)) out.push({ name: csvFileName(sheet.kind), bytes: await csvBytes(sheet) });
    return out;
  }
  async function exportedXlsx(): Promise<ImportFile> {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
    await writeXlsx(exportSheets(graph), sink);
    return { name: "chain-atlas-data.xlsx", bytes: Buffer.concat(chunks) };
  }

  it.each([
    ["CSV", exportedCsv],
    ["XLSX", async () => [await exportedXlsx()]],
  ] as const)("exporting the demo data to %s and importing it back changes nothing", async (_format, exported) => {
    const before = await graphChecksum(graph);
    const input = await exported();
    const report = await importAs(input, false);
    expectOk(report);
    expect(report.counts.entities.created + report.counts.entities.updated, report.changes.map((c) => c.what).join("\n")).toBe(0);
    expect(report.counts.relations.created + report.counts.relations.updated, report.changes.map((c) => c.what).join("\n")).toBe(0);
    expect(report.counts.entities.unchanged).toBeGreaterThan(50);
    expect(report.counts.relations.unchanged).toBeGreaterThan(50);
    expect(report.batch).toBeUndefined();
    expect(await graphChecksum(graph)).toEqual(before);
  });
});
