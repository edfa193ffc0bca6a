import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import type { ImportFile } from "../../../server/import/read-sheets.ts";
import { revertImportBatch } from "../../../server/services/import-revert.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { firstAnswer } from "../../helpers/answered.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/**
 * The change report (/api/chains/:id/changes) between two moments: it diffs exactly the import
 * batches applied between them, firms per segment, findings closed and opened, completeness.
 */
const graph = testGraph();
let app: App;
const P = `it-changes-${Date.now().toString(36)}`;
const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";
const FIRMS_HEADER = "编号 (id),名称 (name),标签 (tags),来源文件 (source_doc),引文 (source_quote)";
const TIES_HEADER = "关系类型 (type),起点编号 (from),终点编号 (to),来源文件 (source_doc),引文 (source_quote)";

interface Finding {
  id: string;
}
let missing: string[] = [];

const files = (firm: string, name: string, segment: string): ImportFile[] => [
  { name: "firms.csv", bytes: Buffer.from([FIRMS_HEADER, `${firm},${name},规上,变化测试名录,${name}`].join("\r\n")) },
  {
    name: "ties.csv",
    bytes: Buffer.from(
      [
        TIES_HEADER,
        `IN_SEGMENT,${firm},${segment},变化测试名录,${name}属该环节`,
        `LOCATED_IN,${firm},${REGION},变化测试名录,${name}在本区`,
      ].join("\r\n"),
    ),
  },
];

async function importBatch(firm: string, name: string, segment: string) {
  const report = await runImport(graph, files(firm, name, segment), { dryRun: false, user: "test-planner" });
  expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
  return report.batch!.id as string;
}

async function changes(query: string) {
  const res = await app.inject({ url: `/api/chains/${CHAIN}/changes?region=${REGION}&${query}`, headers: bearer("viewer") });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    batches: string[];
    reverted: string[];
    segments: { id: string; added: string[]; removed: string[] }[];
    firms: Record<string, string>;
    closed: Finding[];
    opened: Finding[];
    completeness: { before: number; after: number };
  };
}

let first = "";
let second = "";
let before = "";
beforeAll(async () => {
  app = await testApp({ security: testSecurity() });
  const answer = await firstAnswer(app, { url: `/api/chains/${CHAIN}/gaps?region=${REGION}`, headers: bearer("viewer") });
  expect(answer.statusCode, answer.body).toBe(200);
  const gaps = answer.json();
  missing = (gaps.findings as { kind: string; segment: string }[]).filter((f) => f.kind === "missing-segment").map((f) => f.segment);
  expect(missing.length, "the demo chain has missing segments to fill").toBeGreaterThanOrEqual(2);
  before = new Date(Date.now() - 1).toISOString();
  first = await importBatch(`firm:${P}-a`, "变化测试甲公司", missing[0]!);
  second = await importBatch(`firm:${P}-b`, "变化测试乙公司", missing[1]!);
}, 300_000);

afterAll(async () => {
  for (const batch of [second, first]) if (batch) await revertImportBatch(graph, batch, "test cleanup").catch(() => {});
  await app?.close();
  await graph.driver.close();
});

describe("what changed between two moments", () => {
  it("between a time before both imports and the second batch: both batches, both firms, both gaps closed", async () => {
    const report = await changes(`from=${encodeURIComponent(before)}&to=${second}`);
    expect(report.batches.sort()).toEqual([first, second].sort());
    expect(report.segments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: missing[0], added: [`firm:${P}-a`] }),
        expect.objectContaining({ id: missing[1], added: [`firm:${P}-b`] }),
      ]),
    );
    expect(report.segments.flatMap((s) => s.added).sort()).toEqual([`firm:${P}-a`, `firm:${P}-b`]);
    expect(report.closed.map((f) => f.id)).toEqual(
      expect.arrayContaining([`missing-segment:${missing[0]}`, `missing-segment:${missing[1]}`]),
    );
    expect(report.completeness.after).toBeGreaterThan(report.completeness.before);
  });

  it("between the two batches: only the second", async () => {
    const report = await changes(`from=${first}&to=${second}`);
    expect(report.batches).toEqual([second]);
    expect(report.segments.flatMap((s) => s.added)).toEqual([`firm:${P}-b`]);
    expect(report.firms).toEqual({ [`firm:${P}-b`]: "变化测试乙公司" });
    expect(report.closed.map((f) => f.id)).toContain(`missing-segment:${missing[1]}`);
    expect(report.closed.map((f) => f.id)).not.toContain(`missing-segment:${missing[0]}`);
  });

  it("after a revert: the reverted batch is named, and the firm it removed is named in its segment", async () => {
    await revertImportBatch(graph, second, "test-planner");
    const report = await changes(`from=${second}`);
    expect(report.batches).toEqual([]);
    expect(report.reverted).toEqual([second]);
    expect(report.segments).toEqual([{ id: missing[1], name: expect.any(String), added: [], removed: [`firm:${P}-b`] }]);
    expect(report.firms).toEqual({ [`firm:${P}-b`]: "变化测试乙公司" });
    expect(report.opened.map((f) => f.id)).toContain(`missing-segment:${missing[1]}`);
    // Before the second batch nothing of it was there: no revert in between, nothing removed.
    const earlier = await changes(`from=${first}&to=${second}`);
    expect(earlier.segments.flatMap((s) => s.removed)).toEqual([]);
    const since = await changes(`from=${encodeURIComponent(before)}`);
    expect(since.batches).toEqual([first]);
    expect(since.segments.flatMap((s) => s.added)).toEqual([`firm:${P}-a`]);
  });

  it("refuses an unknown batch, a malformed moment or moments in reverse order with a message naming the field", async () => {
    const unknown = await app.inject({ url: `/api/chains/${CHAIN}/changes?region=${REGION}&from=import-20000101-000000-abcdef` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/querystring\.from: no import batch/);
    const malformed = await app.inject({ url: `/api/chains/${CHAIN}/changes?region=${REGION}&from=yesterday` });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/from/);
    const reversed = await app.inject({ url: `/api/chains/${CHAIN}/changes?region=${REGION}&from=${second}&to=2000-01-01` });
    expect(reversed.statusCode, reversed.body).toBe(400);
    expect(reversed.json().message).toMatch(/querystring\.to: .*earlier than from/);
  });

  it("refuses a day the calendar lacks (2026-02-30 is not 2 March) with a 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["from=2026-02-30", "querystring.from"],
      ["from=2025-02-29", "querystring.from"],
      ["from=2026-04-31T10:00:00Z", "querystring.from"],
      [`from=${first}&to=2026-13-01`, "querystring.to"],
    ];
    for (const [query, field] of cases) {
      const res = await app.inject({ url: `/api/chains/${CHAIN}/changes?region=${REGION}&${query}`, headers: bearer("viewer") });
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
      expect(
        res.json().fields.map((f: { field: string }) => f.field),
        query,
      ).toEqual([field]);
      expect(res.json().message, query).toMatch(/calendar/);
    }
    expect((await changes("from=2024-02-29")).batches.length).toBeGreaterThan(0);
  });
});
