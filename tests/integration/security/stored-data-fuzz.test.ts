import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { revertImportBatch } from "../../../server/services/import-revert.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";
import { type Operation, operationsOf } from "./openapi-operations.ts";

/**
 * Fuzzes the shapes of STORED data, not of requests: random valid imports (every optional column
 * blank, present or extreme — long Chinese text, emoji, zero, huge amounts, dates in every form the
 * import reads, cited sources or a note) are written to the real Neo4j, then every GET endpoint of
 * /openapi.json is called for the imported ids. None may answer 5xx. Replies are written by
 * serializers compiled from the routes' response schemas (server/plugins/serializer.ts: declared
 * fields only, no per-reply zod parse; a reply missing a required field still fails with 500), and
 * the JSON is parsed here as well. Each case is reverted before the next.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const graph = testGraph();
let app: App;
let gets: Operation[];
const tally = { cases: 0, requests: 0, byStatus: {} as Record<number, number> };

beforeAll(async () => {
  app = await buildApp({
    ...testConfig(),
    security: testSecurity({ rateLimit: { readsPerMinute: 1_000_000, writesPerMinute: 1_000_000, exportsPerMinute: 1_000_000 } }),
  });
  await app.ready();
  gets = operationsOf(app).filter((op) => op.method === "GET" && op.path.startsWith("/api/"));
});

afterAll(async () => {
  console.log(`stored-data fuzz: ${tally.cases} imports, ${tally.requests} requests; statuses ${JSON.stringify(tally.byStatus)}`);
  await app.close();
  await graph.driver.close();
});

// ---- cell values: blank, ordinary, or extreme within what the import accepts ----

const LONG_CJK = "丽水市莲都区美丽健康产业链重点企业名录".repeat(6).slice(0, 110);
const EMOJI = "🧪药👩‍🔬企业🚀";
const text = (max: number) =>
  fc.oneof(
    fc.constant(""),
    fc.constantFrom("普通文字", "Lishui Co., Ltd.", EMOJI, `${LONG_CJK}`.slice(0, max), '引号"与,逗号', "  前后空格  "),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: Math.min(max, 40) }).filter((s) => s.trim() !== "" && !/[\r\n]/.test(s)),
  );
const amount = fc.oneof(
  fc.constant(""),
  fc.constantFrom("0", "1", "5亿", "1.85亿元", "3000万", "1,234", "9007199254740991", "¥12"),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map(String),
);
const date = fc.oneof(
  fc.constant(""),
  fc.constantFrom("2024", "2024-05", "2024-05-01", "2024/5/1", "2024.05", "2024年5月1日", "2024年5月", "1999-12-31"),
);
const tags = fc
  .subarray(["规上", "规模以上", "上市公司", "国家级专精特新小巨人", "高新技术企业", "独角兽", "龙头"])
  .map((t) => t.join("/"));
const stage = fc.constantFrom("上游", "中游", "下游", "upstream");

interface Case {
  key: string;
  cited: boolean;
  firmNames: string[];
  firm: { products: string; tags: string; market: string; leader: string; code: boolean; description: string; nameEn: string };
  fund: { size: string; invested: string; projects: string; focus: string };
  park: { area: string; opening: string; status: string };
  project: { investment: string; status: string };
  segmentStage: string;
  quote: string;
  sourceDate: string;
  supplyProduct: string;
}

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  key: fc.uuid().map((u) => u.slice(0, 8)),
  cited: fc.boolean(),
  firmNames: fc.uniqueArray(fc.constantFrom("甲", "乙", "丙", EMOJI, LONG_CJK.slice(0, 60), "Alpha (Lishui)"), {
    minLength: 1,
    maxLength: 3,
  }),
  firm: fc.record({
    products: text(60),
    tags,
    market: fc.constantFrom("", "本地", "外地", "mixed"),
    leader: fc.constantFrom("", "是", "否"),
    code: fc.boolean(),
    description: text(600),
    nameEn: text(200),
  }),
  fund: fc.record({ size: amount, invested: amount, projects: fc.constantFrom("", "0", "12", "100000"), focus: text(300) }),
  park: fc.record({
    area: fc.constantFrom("", "0.5", "1200", "99999999"),
    opening: text(20),
    status: fc.constantFrom("", "在建", "operating"),
  }),
  project: fc.record({ investment: amount, status: fc.constantFrom("", "签约", "投产") }),
  segmentStage: stage,
  quote: fc.constantFrom("原文：某企业位于莲都区。", `${LONG_CJK}${LONG_CJK}`.slice(0, 390), `${EMOJI}原文引用`),
  sourceDate: date,
  supplyProduct: text(60),
});

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\r\n");

/** A workbook of CSV files an office could send, with names (not ids) linking the rows. */
function filesFor(c: Case) {
  const region = `模糊测试区${c.key}`;
  const chain = `模糊测试链${c.key}`;
  const segment = `模糊环节${c.key}`;
  const source = (what: string) =>
    c.cited ? [`模糊测试来源${c.key}`, c.sourceDate, c.quote, ""] : ["", "", "", `${what}：模糊测试数据，无来源`];
  const SRC = ["来源文件", "来源日期", "原文", "备注"];
  const firmName = (n: string) => `${n}${c.key}`;
  const code = (i: number) =>
    `91331102MA${c.key
      .toUpperCase()
      .replace(/[^0-9A-HJ-NP-RTUWXY]/g, "0")
      .slice(0, 7)}${i}`;
  const files = {
    "区域.csv": csv([
      ["名称", "类型", "上级区域", ...SRC],
      [region, "开发区", "丽水市", ...source("区域")],
    ]),
    "产业链.csv": csv([
      ["名称", ...SRC],
      [chain, ...source("产业链")],
    ]),
    "环节.csv": csv([
      ["名称", "阶段", "所属产业链", ...SRC],
      [segment, c.segmentStage, chain, ...source("环节")],
    ]),
    "企业名录.csv": csv([
      [
        "企业名称",
        "英文名",
        "统一社会信用代码",
        "所在区域",
        "所属产业链",
        "所属环节",
        "是否链主",
        "企业类型",
        "主营产品",
        "市场范围",
        "简介",
        ...SRC,
      ],
      ...c.firmNames.map((n, i) => [
        firmName(n),
        c.firm.nameEn,
        c.firm.code ? code(i) : "",
        region,
        chain,
        segment,
        i === 0 ? c.firm.leader : "",
        c.firm.tags,
        c.firm.products,
        c.firm.market,
        c.firm.description,
        ...source("企业"),
      ]),
    ]),
    "基金.csv": csv([
      ["基金名称", "所在区域", "发起区域", "投向领域", "规模(元)", "已投金额(元)", "落地项目数", ...SRC],
      [`模糊基金${c.key}`, region, region, c.fund.focus, c.fund.size, c.fund.invested, c.fund.projects, ...source("基金")],
    ]),
    "机构与平台.csv": csv([
      ["名称", "类型", "所在区域", "服务产业链", ...SRC],
      [`模糊平台${c.key}`, "平台", region, chain, ...source("平台")],
    ]),
    "园区.csv": csv([
      ["名称", "类型", "所在区域", "面积(亩)", "状态", "开园日期", ...SRC],
      [`模糊园区${c.key}`, "园区", region, c.park.area, c.park.status, c.park.opening, ...source("园区")],
    ]),
    "项目清单.csv": csv([
      ["项目名称", "所在区域", "所属产业链", "所属环节", "投资额(元)", "状态", ...SRC],
      [`模糊项目${c.key}`, region, chain, segment, c.project.investment, c.project.status, ...source("项目")],
    ]),
  } as Record<string, string>;
  return Object.entries(files).map(([name, body]) => ({ name, bytes: Buffer.from(body, "utf8") }));
}

async function send(url: string, headers: Record<string, string>) {
  const t0 = Date.now();
  const res = await app.inject({ method: "GET", url, headers });
  if (process.env.FUZZ_TIMING) console.log(Date.now() - t0, url.slice(0, 80));
  tally.requests++;
  tally.byStatus[res.statusCode] = (tally.byStatus[res.statusCode] ?? 0) + 1;
  expect(res.statusCode, `GET ${url} → ${res.statusCode} ${res.body.slice(0, 400)}`).toBeLessThan(500);
  if (res.statusCode === 200 && /json/.test(String(res.headers["content-type"]))) expect(() => res.json(), url).not.toThrow();
  return res;
}

/** Every GET of the OpenAPI document, once per imported id its parameters can take. */
async function callEveryGet(ids: Record<string, string[]>, names: string[]) {
  const first = (prefix: string) => ids[prefix]?.[0] ?? "";
  for (const op of gets) {
    const headers = op.access === "public" || op.access === "viewer" ? {} : bearer(op.access === "admin" ? "admin" : "editor");
    const pathIds = op.path.startsWith("/api/chains/{id}")
      ? (ids.chain ?? [])
      : op.path.includes("{id}")
        ? Object.values(ids).flat()
        : [""];
    for (const id of pathIds) {
      const query = new URLSearchParams();
      for (const p of op.parameters.filter((p) => p.in === "query")) {
        const value: Record<string, string> = {
          region: first("region"),
          regions: `${first("region")},region:lianzhou`,
          segment: first("segment"),
          from: first("firm"),
          to: first("region"),
          q: names[0] ?? "模糊",
        };
        if (value[p.name]) query.set(p.name, value[p.name]!);
        else if (p.required && p.schema.enum?.length) query.set(p.name, String(p.schema.enum[0]));
      }
      if (op.path === "/api/import/templates/{file}") {
        await send("/api/import/templates/firms.csv", headers);
        continue;
      }
      const path = op.path.replace(/\{\w+\}/g, encodeURIComponent(id));
      await send(`${path}${query.size ? `?${query}` : ""}`, headers);
    }
  }
}

describe("every GET endpoint over randomly shaped imported data", () => {
  it("answers without 5xx, with replies shaped by their schemas (declared fields only), for each random valid import", async () => {
    expect(gets.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const t0 = Date.now();
        const report = await runImport(graph, filesFor(c), { dryRun: false, user: "stored-data-fuzz" });
        const errors = report.problems.filter((p) => p.severity === "error");
        expect(errors, JSON.stringify(errors.slice(0, 5))).toEqual([]);
        tally.cases++;
        if (process.env.FUZZ_TIMING) console.log("import", Date.now() - t0);
        const rows = await graph.runRaw("MATCH (n:Entity {importBatch: $batch}) RETURN n.id AS id, n.name AS name", {
          batch: report.batch!.id,
        });
        const ids: Record<string, string[]> = {};
        for (const { id } of rows as { id: string }[]) {
          const prefix = id.split(":")[0]!;
          ids[prefix] = [...(ids[prefix] ?? []), id];
        }
        try {
          expect(Object.keys(ids).sort()).toEqual(["chain", "firm", "fund", "inst", "park", "project", "region", "segment"]);
          await callEveryGet(
            ids,
            rows.map((r) => String(r.name)),
          );
        } finally {
          await revertImportBatch(graph, report.batch!.id, "stored-data-fuzz");
          await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: report.batch!.id });
        }
      }),
      { numRuns: RUNS },
    );
  }, 900_000);
});
