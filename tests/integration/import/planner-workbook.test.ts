import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportReport } from "../../../model/api/imports.ts";
import type { App } from "../../../server/app.ts";
import { revertImportBatch } from "../../../server/repositories/imports.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { firmRows, NEW_CHAIN, NEW_SEGMENTS } from "../../fixtures/planner-workbook/generate.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";

/**
 * The planner's workbook (tests/fixtures/planner-workbook): a county office's 企业名录 with no ids,
 * imported in one step; then the analysis endpoints answer with the findings it was built to show.
 */
const DIR = join(import.meta.dirname, "../../fixtures/planner-workbook");
const xlsx = { name: "企业名录.xlsx", bytes: readFileSync(join(DIR, "企业名录.xlsx")) };
const gbkCsv = { name: "企业名录.csv", bytes: readFileSync(join(DIR, "企业名录.csv")) };
const graph = testGraph();
let app: App;
let baseline: Awaited<ReturnType<typeof graphChecksum>>;
let applied: ImportReport;
let chainId: string;

const errors = (report: ImportReport) => report.problems.filter((p) => p.severity === "error");
const get = async (url: string) => {
  const res = await app.inject({ method: "GET", url });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
};
interface Finding {
  kind: string;
  segment?: string;
  id: string;
}

beforeAll(async () => {
  app = await testApp();
  baseline = await graphChecksum(graph);
  applied = await runImport(graph, [xlsx], { dryRun: false, user: "test-planner" });
  expect(errors(applied), JSON.stringify(errors(applied).slice(0, 5))).toEqual([]);
  const rows = await graph.runRaw("MATCH (c:Chain {name: $name}) RETURN c.id AS id", { name: NEW_CHAIN });
  chainId = String(rows[0]?.id);
});

afterAll(async () => {
  await app.close();
  await graph.driver.close();
});

describe("the planner's workbook, imported in one step", () => {
  it("reads every firm, matches the county and the demo firm, and creates no duplicate", async () => {
    expect(applied.sheets.find((s) => s.sheet === "企业名录")?.rows).toBe(firmRows().length);
    expect(firmRows().length).toBeGreaterThanOrEqual(80);
    const matched = applied.matches.map((m) => m.message).join("\n");
    expect(matched).toContain("matches existing 缙云县 (region:jinyun)");
    expect(matched).toContain("matches existing 怡亚通 (firm:eternal-asia)");
    const counts = await graph.runRaw(
      `MATCH (r:Region {name: '缙云县'}) WITH count(r) AS regions
       MATCH (f:Firm {name: '怡亚通'}) WITH regions, count(f) AS yiyatong
       MATCH (c:Chain {name: $chain}) RETURN regions, yiyatong, count(c) AS chains`,
      { chain: NEW_CHAIN },
    );
    expect(counts).toEqual([{ regions: 1, yiyatong: 1, chains: 1 }]);
    // Every listed firm sits in 缙云县 and in a segment: the blank, merged-style cells were filled down.
    const placed = await graph.runRaw(
      `MATCH (f:Firm {importBatch: $batch})-[:LOCATED_IN]->(:Region {id: 'region:jinyun'})
       WHERE EXISTS { (f)-[:IN_SEGMENT]->() } RETURN count(f) AS n`,
      { batch: applied.batch!.id },
    );
    expect(Number(placed[0]?.n)).toBe(firmRows().length);
  });

  it("the same list as a GBK CSV, and the workbook again, change nothing", async () => {
    for (const file of [gbkCsv, xlsx]) {
      const again = await runImport(graph, [file], { dryRun: false, user: "test-planner" });
      expect(errors(again)).toEqual([]);
      expect(again.batch, file.name).toBeUndefined();
      expect(again.counts.entities.created + again.counts.entities.updated, file.name).toBe(0);
      expect(again.counts.relations.created + again.counts.relations.updated, file.name).toBe(0);
    }
  });

  it("the gap report of the new chain finds what the fixture was built to show", async () => {
    const report = await get(`/api/chains/${encodeURIComponent(chainId)}/gaps?region=region:jinyun`);
    const segmentId = (name: string) => (report.segments as { id: string; name: string }[]).find((s) => s.name === name)?.id;
    expect((report.segments as unknown[]).length).toBe(NEW_SEGMENTS.length);
    const findings = report.findings as Finding[];
    const about = (kind: string, name: string) => findings.some((f) => f.kind === kind && f.segment === segmentId(name));
    expect(about("missing-segment", "动力电池")).toBe(true);
    expect(about("thin-segment", "智能骑行装备")).toBe(true);
    // Two listed (上市) firms and no 规上 tag: above-scale all the same, so not thin.
    expect(about("thin-segment", "电机电控")).toBe(false);
    expect(findings.some((f) => f.kind === "no-leader")).toBe(false);
    // The county sponsors a fund whose focus names the chain: no fund gap.
    expect(findings.some((f) => f.id === "support-gap:fund")).toBe(false);
    // …and the summary says so: the fund counts by the sponsored-focus rule (no SERVES tie is listed).
    const funds = (report.summary.support as { category: string; name: string; via: string[]; message: { zh: string } }[]).filter(
      (a) => a.category === "fund",
    );
    expect(funds.map((f) => [f.name, f.via])).toEqual([["缙云县短途交通产业基金", ["sponsored-focus"]]]);
    expect(funds[0]?.message.zh).toContain("由本地政府出资设立，投向领域含本产业链");
  });

  it("the demo chain in the county: covered segments, no leader, no fund", async () => {
    const report = await get("/api/chains/chain:beauty-health/gaps?region=region:jinyun");
    const covered = (report.segments as { id: string; localFirms: number }[]).filter((s) => s.localFirms > 0).map((s) => s.id);
    expect(covered).toEqual(
      expect.arrayContaining(["segment:bh-medical-devices", "segment:bh-rehab-devices", "segment:bh-tcm-herbs", "segment:bh-daily-chem"]),
    );
    const kinds = (report.findings as Finding[]).map((f) => f.id);
    expect(kinds).toContain("no-leader");
    expect(kinds).toContain("support-gap:fund");
  });

  it("map, targets and compare answer for the imported chain", async () => {
    const chain = encodeURIComponent(chainId);
    const map = await get(`/api/chains/${chain}/map?region=region:jinyun`);
    const firmNodes = (map.elements.nodes as { data: { type: string } }[]).filter((n) => n.data.type === "firm");
    expect(firmNodes.length).toBe(firmRows().filter((r) => r.chain === NEW_CHAIN).length);
    const targets = await get(`/api/chains/${chain}/targets?region=region:jinyun`);
    expect(targets.segments.map((s: { label: string }) => s.label)).toEqual(expect.arrayContaining(["动力电池", "智能骑行装备"]));
    const compare = await get(`/api/chains/${chain}/compare?regions=region:jinyun,region:lianzhou`);
    const jinyunFirms = (compare.cells as { region: string; firms: number }[])
      .filter((c) => c.region === "region:jinyun")
      .reduce((sum, c) => sum + c.firms, 0);
    expect(jinyunFirms).toBeGreaterThan(40);
  });

  it("revert is exact", async () => {
    await revertImportBatch(graph, applied.batch!.id, "test-planner");
    await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: applied.batch!.id });
    expect(await graphChecksum(graph)).toEqual(baseline);
  });
});
