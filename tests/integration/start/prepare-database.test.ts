import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainShape } from "../../../bench/plan-shape.ts";
import { SCORE_PARTS_VERSION, TAG_WEIGHTS } from "../../../server/analysis/signals.ts";
import type { ImportFile } from "../../../server/import/read-sheets.ts";
import { prepareDatabase } from "../../../server/prepare-database.ts";
import { revertImportBatch } from "../../../server/services/import-revert.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { FIXTURE, loadFixture, removeFixture } from "../../helpers/fixture.ts";
import { testGraph } from "../../helpers/graph.ts";

/**
 * The app's start-up work on the derived data (chain stats, firm score parts): skipped on a graph
 * that did not change since it was last made current (proved by the stats' stamps and the marks'
 * times, never by a clock), done again after a write made outside the app's loaders, after a firm
 * written under an older weight table, and after the marks are deleted.
 */
const graph = testGraph();
const P = `it-start-${Date.now().toString(36)}`;
const CHAIN = `chain:${P}`;
let fixtureIds: string[] = [];
let logged: string[] = [];

const start = async () => {
  logged = [];
  await prepareDatabase(graph, { seedOnEmpty: false, log: (line) => logged.push(line) });
};

/** Every chain's stamp (each refresh writes a new one) and when each mark was written. */
async function stamps() {
  const [row] = await graph.runRaw(
    "MATCH (s:ChainStats) WITH s ORDER BY s.chain WITH collect(s.stamp) AS stats " +
      "OPTIONAL MATCH (c:DataVersion {id: 'chain-stats'}) OPTIONAL MATCH (p:DataVersion {id: 'score-parts'}) " +
      "RETURN stats, c.at AS chainStatsMark, p.at AS scorePartsMark",
  );
  return row as { stats: string[]; chainStatsMark: string | null; scorePartsMark: string | null };
}

async function firmsInOurChain() {
  const [row] = await graph.runRaw("MATCH (s:ChainStats {chain: $chain}) RETURN reduce(n = 0, c IN s.counts | n + c) AS firms", {
    chain: CHAIN,
  });
  return row?.firms;
}

async function partsOf(id: string) {
  const [row] = await graph.runRaw("MATCH (f:Firm {id: $id}) RETURN f.weightScore AS weightScore, f.scorePartsVersion AS version", { id });
  return row;
}

beforeAll(async () => {
  fixtureIds = await loadFixture(graph, {
    "regions.json": [{ id: `region:${P}`, name: "启动测试区", kind: "district", ...FIXTURE }],
    "chains.json": [{ id: CHAIN, name: "启动测试链", ...FIXTURE }],
    "segments.json": [{ id: `segment:${P}`, name: "启动测试环节", stage: "upstream", ...FIXTURE }],
    "firms.json": [{ id: `firm:${P}-a`, name: "启动甲公司", ...FIXTURE }],
    "relations.json": [
      { type: "SEGMENT_OF", from: `segment:${P}`, to: CHAIN, props: {}, ...FIXTURE },
      { type: "IN_SEGMENT", from: `firm:${P}-a`, to: `segment:${P}`, props: {}, ...FIXTURE },
      { type: "LOCATED_IN", from: `firm:${P}-a`, to: `region:${P}`, props: {}, ...FIXTURE },
    ],
  });
  // Whatever earlier files left behind, the database is current after one start.
  await start();
});

afterAll(async () => {
  await removeFixture(graph, fixtureIds);
  await graph.runRaw("MATCH (n:Entity) WHERE n.id STARTS WITH $p DETACH DELETE n", { p: `firm:${P}` });
  await graph.runRaw("MATCH (s:ChainStats {chain: $chain}) DELETE s", { chain: CHAIN });
  await graph.runRaw("MATCH (b:ImportBatch) WHERE b.user = 'start-test' DETACH DELETE b");
  await graph.driver.close();
});

describe("start-up work on the derived data", () => {
  it("reads its input counts from the count store: no node or relationship is visited", async () => {
    const { operators } = await explainShape(graph, "count-derived-data-inputs", {}, { anchored: false });
    const reads = operators.filter((o) => !/^(ProduceResults|Projection|CartesianProduct|EmptyResult)/.test(o.operator));
    expect(reads.map((o) => o.operator)).toEqual([
      ...Array(4).fill("NodeCountFromCountStore"),
      ...Array(6).fill("RelationshipCountFromCountStore"),
    ]);
  });

  it("is skipped on an unchanged database: no chain's stats and no mark is rewritten", async () => {
    const before = await stamps();
    expect(before.chainStatsMark).not.toBeNull();
    expect(before.scorePartsMark).not.toBeNull();
    await start();
    expect(await stamps()).toEqual(before);
    expect(logged.filter((line) => /Chain stats|Score parts/.test(line))).toEqual([]);
  });

  it("stays skipped for the chain stats after an import: the import marks the counts in its own transaction", async () => {
    const file: ImportFile = {
      name: "firms.csv",
      bytes: Buffer.from(
        [
          "编号 (id),名称 (name),来源文件 (source_doc),来源日期 (source_date),引文 (source_quote)",
          `firm:${P}-imported,启动乙公司,测试文件,2026-01-01,测试引文`,
        ].join("\r\n"),
        "utf8",
      ),
    };
    const report = await runImport(graph, [file], { dryRun: false, user: "start-test" });
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    const afterImport = await stamps();
    await start();
    const next = await stamps();
    expect(next.stats).toEqual(afterImport.stats);
    expect(next.chainStatsMark).toBe(afterImport.chainStatsMark);
    // The firm count changed, so the score-parts check ran once (the import gave its firm parts) and re-marked.
    expect(next.scorePartsMark).not.toBe(afterImport.scorePartsMark);
    expect(logged.filter((line) => /Score parts written/.test(line))).toEqual([]);
    await revertImportBatch(graph, report.batch!.id, "start-test");
    await start();
  });

  it("catches a firm added with hand-written Cypher: its chain's stats count it and it gets its score parts", async () => {
    expect(await firmsInOurChain()).toBe(1);
    const before = await stamps();
    await graph.runRaw(
      "MATCH (s:Segment {id: $segment}), (r:Region {id: $region}) " +
        "CREATE (f:Entity:Firm {id: $id, name: '启动丙公司', tags: ['小巨人']})-[:IN_SEGMENT]->(s), (f)-[:LOCATED_IN]->(r)",
      { segment: `segment:${P}`, region: `region:${P}`, id: `firm:${P}-by-hand` },
    );
    await start();
    const after = await stamps();
    expect(after.chainStatsMark).not.toBe(before.chainStatsMark);
    expect(after.stats).not.toEqual(before.stats);
    expect(await firmsInOurChain()).toBe(2);
    expect(await partsOf(`firm:${P}-by-hand`)).toEqual({ weightScore: TAG_WEIGHTS.小巨人, version: SCORE_PARTS_VERSION });
    expect(logged).toContain("Score parts written for 1 firm(s).");
  });

  it("backfills a firm written by hand under an older weight table", async () => {
    await graph.runRaw(
      "CREATE (:Entity:Firm {id: $id, name: '启动丁公司', tags: ['规上'], weightScore: 99.0, scorePartsVersion: 'an-older-table'})",
      {
        id: `firm:${P}-old-parts`,
      },
    );
    await start();
    expect(await partsOf(`firm:${P}-old-parts`)).toEqual({ weightScore: TAG_WEIGHTS.规上, version: SCORE_PARTS_VERSION });
  });

  it("backfills parts of an older weight table when the last check ran under it, though no count changed", async () => {
    // As a database last started by a version with another weight table: its parts and its mark carry that version.
    await graph.runRaw("MATCH (f:Firm {id: $id}) SET f.scorePartsVersion = 'an-older-table', f.weightScore = 99.0", { id: `firm:${P}-a` });
    await graph.runRaw("MATCH (v:DataVersion {id: 'score-parts'}) SET v.version = 'an-older-table'");
    const before = await stamps();
    await start();
    expect(await partsOf(`firm:${P}-a`)).toEqual({ weightScore: 0, version: SCORE_PARTS_VERSION });
    // The chain stats were current: only the score parts were redone.
    expect((await stamps()).stats).toEqual(before.stats);
  });

  it("does the full work again once the marks are deleted (a hand edit that keeps every count)", async () => {
    // Moving a firm to another segment keeps every count: the marks cannot see it until deleted.
    await graph.runRaw(
      "MATCH (f:Firm {id: $id})-[r:IN_SEGMENT]->() DELETE r WITH f MATCH (s:Segment) WHERE s.id <> $segment WITH f, s LIMIT 1 CREATE (f)-[:IN_SEGMENT]->(s)",
      { id: `firm:${P}-by-hand`, segment: `segment:${P}` },
    );
    await start();
    expect(await firmsInOurChain()).toBe(2);
    await graph.runRaw("MATCH (v:DataVersion) WHERE v.id IN ['chain-stats', 'score-parts'] DELETE v");
    await start();
    expect(await firmsInOurChain()).toBe(1);
    const marks = await stamps();
    expect(marks.chainStatsMark).not.toBeNull();
    expect(marks.scorePartsMark).not.toBeNull();
  });
});
