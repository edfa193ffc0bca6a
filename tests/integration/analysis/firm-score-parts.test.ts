import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCORE_PARTS_VERSION, SIGNAL_WEIGHTS, TAG_WEIGHTS } from "../../../server/analysis/signals.ts";
import type { App } from "../../../server/app.ts";
import type { ImportFile } from "../../../server/import/read-sheets.ts";
import { backfillFirmScoreParts } from "../../../server/repositories/firm-score-parts.ts";
import { revertImportBatch } from "../../../server/services/import-revert.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { FIXTURE, loadFixture, removeFixture } from "../../helpers/fixture.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/**
 * The per-firm score parts (weightScore, riskWarning, scorePartsVersion) the ranking query reads
 * instead of a candidate's tags, name and aliases: written by the seed loader and by imports,
 * recomputed when an update changes only some fields, given back by a revert, backfilled for a firm
 * written without them or under another weight table, and used by /targets.
 */
const graph = testGraph();
const P = `it-parts-${Date.now().toString(36)}`;
let app: App;
let fixtureIds: string[] = [];

const HEADER = "编号 (id),名称 (name),来源文件 (source_doc),来源日期 (source_date),引文 (source_quote)";
const csv = (header: string, lines: string[]): ImportFile => ({
  name: "firms.csv",
  bytes: Buffer.from([header, ...lines].join("\r\n"), "utf8"),
});
const cite = "测试文件,2026-01-01,测试引文";

async function importFile(file: ImportFile) {
  const report = await runImport(graph, [file], { dryRun: false, user: "parts-test" });
  expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
  return report.batch!.id;
}

async function partsOf(id: string) {
  const [row] = await graph.runRaw(
    "MATCH (f:Firm {id: $id}) RETURN f.weightScore AS weightScore, f.riskWarning AS riskWarning, f.scorePartsVersion AS version",
    { id },
  );
  return row;
}

const sum = (tags: (keyof typeof TAG_WEIGHTS)[]) => tags.reduce((s, tag) => s + TAG_WEIGHTS[tag]!, 0);

beforeAll(async () => {
  const region = (id: string, kind: string) => ({ id, name: id, kind, ...FIXTURE });
  const firm = (id: string, name: string, tags: string[] = [], aliases: string[] = []) => ({ id, name, tags, aliases, ...FIXTURE });
  const rel = (type: string, from: string, to: string, props: Record<string, unknown> = {}) => ({ type, from, to, props, ...FIXTURE });
  const candidates = [`firm:${P}-st`, `firm:${P}-giant`, `firm:${P}-plain`];
  fixtureIds = await loadFixture(graph, {
    "regions.json": [region(`region:${P}-home`, "district"), region(`region:${P}-far`, "city")],
    "chains.json": [{ id: `chain:${P}`, name: "评分测试链", ...FIXTURE }],
    "segments.json": [
      { id: `segment:${P}-have`, name: "已有环节", stage: "upstream", ...FIXTURE },
      { id: `segment:${P}-gap`, name: "缺口环节", stage: "downstream", ...FIXTURE },
    ],
    "firms.json": [
      firm(`firm:${P}-local`, "本地企业", ["规上"]),
      // Listed and tied to a local firm, but under risk warning through its alias: last.
      firm(`firm:${P}-st`, "丙药业", ["上市", "规上"], ["*ST丙药"]),
      firm(`firm:${P}-giant`, "丁科技", ["小巨人", "专精特新"]),
      firm(`firm:${P}-plain`, "戊制造"),
    ],
    "relations.json": [
      rel("SEGMENT_OF", `segment:${P}-have`, `chain:${P}`),
      rel("SEGMENT_OF", `segment:${P}-gap`, `chain:${P}`),
      rel("FEEDS", `segment:${P}-have`, `segment:${P}-gap`),
      rel("IN_SEGMENT", `firm:${P}-local`, `segment:${P}-have`),
      rel("LOCATED_IN", `firm:${P}-local`, `region:${P}-home`),
      ...candidates.map((id) => rel("IN_SEGMENT", id, `segment:${P}-gap`)),
      ...candidates.map((id) => rel("LOCATED_IN", id, `region:${P}-far`)),
      rel("SUPPLIES", `firm:${P}-local`, `firm:${P}-st`),
    ],
  });
  app = await testApp();
});

afterAll(async () => {
  await removeFixture(graph, fixtureIds);
  await graph.runRaw("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n", { p: `firm:${P}` });
  await graph.runRaw("MATCH (b:ImportBatch) WHERE b.user = 'parts-test' DETACH DELETE b");
  await app?.close();
  await graph.driver.close();
});

describe("per-firm score parts", () => {
  it("are written by the seed loader from the weight table and the risk-warning rule", async () => {
    expect(await partsOf(`firm:${P}-st`)).toEqual({ weightScore: sum(["上市", "规上"]), riskWarning: true, version: SCORE_PARTS_VERSION });
    expect(await partsOf(`firm:${P}-giant`)).toEqual({
      weightScore: sum(["小巨人", "专精特新"]),
      riskWarning: null,
      version: SCORE_PARTS_VERSION,
    });
    expect(await partsOf(`firm:${P}-plain`)).toEqual({ weightScore: 0, riskWarning: null, version: SCORE_PARTS_VERSION });
  });

  it("rank /targets by the stored parts: tag weights add up, a firm under risk warning sinks below every other", async () => {
    const res = await app.inject({ url: `/api/chains/chain:${P}/targets?region=region:${P}-home&segment=segment:${P}-gap` });
    expect(res.statusCode).toBe(200);
    const { targets } = res.json() as { targets: { firm: Record<string, unknown>; score: number; reasons: { kind: string }[] }[] };
    expect(targets.map((t) => t.firm.id)).toEqual([`firm:${P}-giant`, `firm:${P}-plain`, `firm:${P}-st`]);
    const [giant, plain, st] = targets;
    expect(giant!.score - plain!.score).toBeCloseTo(sum(["小巨人", "专精特新"]), 6);
    expect(st!.score).toBeLessThan(SIGNAL_WEIGHTS.riskWarning / 2);
    expect(st!.reasons.map((r) => r.kind)).toContain("riskWarning");
    // Storage-only: the parts never reach a client.
    for (const t of targets) for (const key of ["weightScore", "riskWarning", "scorePartsVersion"]) expect(t.firm).not.toHaveProperty(key);
  });

  it("follow an import, an update of some fields only, and its revert", async () => {
    const id = `firm:${P}-imported`;
    const first = await importFile(csv(`${HEADER},标签 (tags)`, [`${id},己公司,${cite},上市、小巨人`]));
    expect(await partsOf(id)).toEqual({ weightScore: sum(["上市", "小巨人"]), riskWarning: null, version: SCORE_PARTS_VERSION });

    // The name alone changes: the tags stay in the graph and still count; the new name is under risk warning.
    const renamed = await importFile(csv(HEADER, [`${id},ST己公司,${cite}`]));
    expect(await partsOf(id)).toEqual({ weightScore: sum(["上市", "小巨人"]), riskWarning: true, version: SCORE_PARTS_VERSION });

    const retagged = await importFile(csv(`${HEADER},标签 (tags)`, [`${id},ST己公司,${cite},规上`]));
    expect(await partsOf(id)).toEqual({ weightScore: sum(["规上"]), riskWarning: true, version: SCORE_PARTS_VERSION });

    await revertImportBatch(graph, retagged, "parts-test");
    expect(await partsOf(id)).toEqual({ weightScore: sum(["上市", "小巨人"]), riskWarning: true, version: SCORE_PARTS_VERSION });
    await revertImportBatch(graph, renamed, "parts-test");
    expect(await partsOf(id)).toEqual({ weightScore: sum(["上市", "小巨人"]), riskWarning: null, version: SCORE_PARTS_VERSION });
    await revertImportBatch(graph, first, "parts-test");
    expect(await partsOf(id)).toBeUndefined();
  });

  it("are backfilled for a firm written without them or under another weight table, and left alone once current", async () => {
    const bare = `firm:${P}-bare`;
    const old = `firm:${P}-old`;
    await graph.runRaw(
      "CREATE (:Entity:Firm {id: $bare, name: '庚公司', aliases: ['*ST 庚'], tags: ['专精特新', '未知标签']}), " +
        "(:Entity:Firm {id: $old, name: '辛公司', tags: ['规上'], weightScore: 99.0, riskWarning: true, scorePartsVersion: 'an-older-table'})",
      { bare, old },
    );
    expect(await backfillFirmScoreParts(graph)).toBeGreaterThanOrEqual(2);
    expect(await partsOf(bare)).toEqual({ weightScore: sum(["专精特新"]), riskWarning: true, version: SCORE_PARTS_VERSION });
    expect(await partsOf(old)).toEqual({ weightScore: sum(["规上"]), riskWarning: null, version: SCORE_PARTS_VERSION });
    // Nothing is stale any more: the next start writes nothing.
    expect(await backfillFirmScoreParts(graph)).toBe(0);
  });
});
