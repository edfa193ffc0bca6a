import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport } from "../../../model/api/imports.ts";
import type { ImportFile } from "../../../server/import/read-sheets.ts";
import { revertImportBatch } from "../../../server/repositories/imports.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";

/**
 * A firm list as an office keeps it: one row per firm, no ids, location / chain / segment / 链主 /
 * tags in the row, names instead of ids, and firms and regions that already exist in the demo data.
 */
const graph = testGraph();
afterAll(() => graph.driver.close());

const T = Date.now().toString(36);
const DOC = `测试用企业名录-${T}`;
const HEADER = "序号,企业名称,统一社会信用代码,所在区域,所属产业链,所属环节,是否链主,企业类型,主营产品,来源文件,原文";
const quote = (name: string) => `名录所列：${name}`;
const row = (n: number, cells: string[]) => [String(n), ...cells, DOC, quote(cells[0]!)].join(",");

const FIRMS = [
  HEADER,
  row(1, [`莲都测试甲医疗器械${T}`, "", "莲都区", "美丽健康产业链", "医疗器械", "是", "规模以上/上市公司", "康复床"]),
  row(2, [`莲都测试乙科技${T}`, "91331102MA2A0B1C2D", "莲都区", "", "美妆日化", "否", "国家级专精特新小巨人，高新技术企业", "面膜"]),
  // 学时医疗 is a demo firm in 莲都区: matched and updated, never duplicated.
  row(3, ["学时医疗", "", "莲都区", "美丽健康产业链", "医疗器械", "", "规上企业", "家用理疗仪"]),
  row(4, [`莲都测试丙贸易${T}`, "", "莲都区", "", "", "", "", ""]),
].join("\r\n");

const REGIONS = [
  "名称,类型,上级区域,来源文件,原文",
  `北京市,市,,${DOC},${quote("北京市")}`,
  `测试新区${T},开发区,丽水市,${DOC},${quote("测试新区")}`,
].join("\r\n");

const files = (firms = FIRMS): ImportFile[] => [
  { name: "企业名录.csv", bytes: Buffer.from(firms, "utf8") },
  { name: "区域.csv", bytes: Buffer.from(REGIONS, "utf8") },
];
const importAs = (input: ImportFile[], dryRun: boolean) => runImport(graph, input, { dryRun, user: "test-planner" });
const errors = (report: ImportReport) => report.problems.filter((p) => p.severity === "error");

async function count(cypher: string, params: Record<string, unknown> = {}) {
  const rows = await graph.runRaw(`${cypher} RETURN count(*) AS n`, params);
  return Number(rows[0]?.n);
}

let baseline: Awaited<ReturnType<typeof graphChecksum>>;
let batchId: string | undefined;
beforeAll(async () => {
  baseline = await graphChecksum(graph);
});

describe("flat firm list with no ids", () => {
  it("dry run: names resolve, existing records are matched and said so, nothing is written", async () => {
    const report = await importAs(files(), true);
    expect(errors(report), JSON.stringify(errors(report))).toEqual([]);
    expect(report.matches.map((m) => m.message).join("\n")).toContain("matches existing 北京市 (region:beijing)");
    expect(report.matches.some((m) => m.id === "firm:xueshi-medical")).toBe(true);
    // The firm with neither segment nor chain is accepted with a warning that says what that means.
    const warning = report.problems.find((p) => p.row === 5 && p.severity === "warning");
    expect(warning?.message).toContain("will not appear in any analysis");
    expect(report.counts.entities).toMatchObject({ created: 4, updated: 2 });
    expect(await graphChecksum(graph)).toEqual(baseline);
  });

  it("apply: generated ids, ties from the row's columns, tag synonyms, the leader in its region", async () => {
    const report = await importAs(files(), false);
    expect(errors(report)).toEqual([]);
    batchId = report.batch?.id;
    expect(batchId).toBeDefined();
    const a = `firm:莲都测试甲医疗器械${T}-莲都区`;
    const rows = await graph.runRaw(
      `MATCH (f:Firm {id: $a})-[:LOCATED_IN]->(r:Region), (f)-[:IN_SEGMENT]->(s:Segment), (f)-[l:LEADS]->(c:Chain)
       RETURN r.id AS region, s.id AS segment, c.id AS chain, l.region AS leadsIn, f.tags AS tags`,
      { a },
    );
    expect(rows).toEqual([
      {
        region: "region:lianzhou",
        segment: "segment:bh-medical-devices",
        chain: "chain:beauty-health",
        leadsIn: "region:lianzhou",
        tags: ["规上", "上市"],
      },
    ]);
    const b = await graph.runRaw("MATCH (f:Firm {id: 'firm:91331102ma2a0b1c2d'}) RETURN f.tags AS tags, f.creditCode AS code");
    expect(b).toEqual([{ tags: ["小巨人", "高新技术"], code: "91331102MA2A0B1C2D" }]);
    expect(await count("MATCH (f:Firm {name: '学时医疗'})")).toBe(1);
    expect(await count("MATCH (r:Region {name: '北京市'})")).toBe(1);
    expect(await count("MATCH (:Region {id: $id})-[:PART_OF]->(:Region {id: 'region:lishui'})", { id: `region:测试新区${T}-丽水市` })).toBe(
      1,
    );
  });

  it("re-import is a no-op", async () => {
    const report = await importAs(files(), false);
    expect(errors(report)).toEqual([]);
    expect(report.batch).toBeUndefined();
    expect(report.counts.entities.created + report.counts.entities.updated).toBe(0);
    expect(report.counts.relations.created + report.counts.relations.updated).toBe(0);
  });

  it("revert is exact", async () => {
    await revertImportBatch(graph, batchId!, "test-planner");
    // The batch stays listed as reverted; everything else is as before the import.
    await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: batchId });
    expect(await graphChecksum(graph)).toEqual(baseline);
  });

  it("an ambiguous segment name is a problem listing the candidates", async () => {
    const ambiguous = [HEADER, row(1, [`莲都测试丁${T}`, "", "莲都区", "", "医疗器械", "", "", ""])].join("\r\n");
    const report = await importAs([{ name: "企业名录.csv", bytes: Buffer.from(ambiguous, "utf8") }], true);
    const problem = errors(report).find((p) => p.column === "segments");
    expect(problem?.message).toContain("segment:bh-medical-devices");
    expect(problem?.message).toContain("segment:health-medical-devices");
  });

  it("an unknown region name is an error naming it", async () => {
    const unknown = [HEADER, row(1, [`莲都测试戊${T}`, "", "不存在县", "", "美妆日化", "", "", ""])].join("\r\n");
    const report = await importAs([{ name: "企业名录.csv", bytes: Buffer.from(unknown, "utf8") }], true);
    expect(
      errors(report)
        .map((p) => p.message)
        .join("\n"),
    ).toContain('"不存在县"');
    expect(report.ok).toBe(false);
  });
});
