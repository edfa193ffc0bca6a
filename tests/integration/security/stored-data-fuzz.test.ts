import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type App, buildApp } from "../../../server/app.ts";
import { revertImportBatch } from "../../../server/services/import-revert.ts";
import { runImport } from "../../../server/services/import-run.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { feature, square } from "../../helpers/boundary-fixtures.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";
import { type Operation, operationsOf } from "./openapi-operations.ts";

/**
 * Fuzzes the shapes of STORED data, not of requests: random valid imports (every optional column
 * blank, present or extreme — long Chinese text, emoji, zero, huge amounts, dates in every form the
 * import reads, coordinates at the edges of the globe, cited sources or a note), sometimes with a
 * boundary file for the region and a saved scenario over it, are written to the real Neo4j; then
 * every GET endpoint of /openapi.json is called for the imported ids (analysis routes also under
 * the scenario, the change report from a date and from the batch). None may answer 5xx, and every
 * JSON reply is parsed with the very model/api schema its route declares for that status (found by
 * the id /openapi.json refers to, in zod's registry), as are the replies to the boundary upload and
 * the scenario it stores: the response serializer
 * (server/plugins/serializer.ts) only projects declared fields and does not validate, so a null
 * where the contract says string, a NaN, an enum value the schema does not know would otherwise
 * reach the web app, whose parse of the same schema then fails. Each case is reverted before the next.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const graph = testGraph();
let app: App;
let gets: Operation[];
let documented: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
const tally = { cases: 0, requests: 0, byStatus: {} as Record<number, number> };

beforeAll(async () => {
  app = await buildApp({
    ...testConfig(),
    security: testSecurity({ rateLimit: { readsPerMinute: 1_000_000, writesPerMinute: 1_000_000, exportsPerMinute: 1_000_000 } }),
  });
  await app.ready();
  gets = operationsOf(app).filter((op) => op.method === "GET" && op.path.startsWith("/api/"));
  documented = (app.swagger() as unknown as { paths: typeof documented }).paths;
});

/** The model/api schema a route declares for a status: /openapi.json names it by id, zod's registry holds it. */
function declaredSchema(method: string, path: string, status: number): z.ZodType | undefined {
  const ref = documented[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.["application/json"]?.schema?.$ref;
  const id = ref?.split("/").pop();
  return id ? (z.globalRegistry._idmap.get(id) as z.ZodType | undefined) : undefined;
}

/** Fails unless a JSON reply parses with the schema its route (`path` as /openapi.json writes it) declares for its status. */
function expectContract(method: string, path: string, url: string, res: LightMyRequestResponse) {
  if (!/json/.test(String(res.headers["content-type"]))) return;
  const schema = declaredSchema(method, path, res.statusCode);
  expect(schema, `${method} ${path} declares no JSON schema for ${res.statusCode}: ${res.body.slice(0, 200)}`).toBeDefined();
  const parsed = schema!.safeParse(res.json());
  const problems = parsed.error && z.prettifyError(parsed.error);
  expect(parsed.success, `${method} ${url} → ${res.statusCode} breaks its contract:\n${problems}`).toBe(true);
}

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
  /** Longitude, latitude of the firms and the project: blank, ordinary or at the globe's edges. */
  place: [string, string];
  boundary: { approvalNumber: string; crs: "WGS-84" | "GCJ-02" } | null;
  scenario: { name: string; description: string; changes: ScenarioMove[] } | null;
}

type ScenarioMove = "add-new-firm" | "add-tie" | "remove-firm" | "remove-leader" | "promote-project";

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
  place: fc.oneof(
    fc.constant<[string, string]>(["", ""]),
    fc.constantFrom<[string, string]>(["119.92", "28.45"], ["-180", "-90"], ["180", "90"], ["0", "0"], ["119.9", ""]),
  ),
  boundary: fc.option(
    fc.record({
      approvalNumber: fc.constantFrom("浙S(2024)12号", "GS(2019)1822号", `${LONG_CJK}`.slice(0, 80), `${EMOJI}审图号`),
      crs: fc.constantFrom("WGS-84" as const, "GCJ-02" as const),
    }),
  ),
  scenario: fc.option(
    fc.record({
      name: text(100).filter((s) => s.trim() !== ""),
      description: text(600),
      changes: fc.uniqueArray(fc.constantFrom<ScenarioMove>("add-new-firm", "add-tie", "remove-firm", "remove-leader", "promote-project"), {
        minLength: 1,
        maxLength: 5,
      }),
    }),
  ),
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
        "经度",
        "纬度",
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
        ...c.place,
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
      ["项目名称", "所在区域", "所属产业链", "所属环节", "投资额(元)", "状态", "经度", "纬度", ...SRC],
      [`模糊项目${c.key}`, region, chain, segment, c.project.investment, c.project.status, ...c.place, ...source("项目")],
    ]),
  } as Record<string, string>;
  return Object.entries(files).map(([name, body]) => ({ name, bytes: Buffer.from(body, "utf8") }));
}

interface Stored {
  ids: Record<string, string[]>;
  names: string[];
  batch: string;
  scenario: string | null;
}

async function send(op: Operation, url: string, headers: Record<string, string>) {
  const t0 = Date.now();
  const res = await app.inject({ method: "GET", url, headers });
  if (process.env.FUZZ_TIMING)
    console.log(Date.now() - t0, res.statusCode, url.slice(0, 120), res.statusCode >= 400 ? res.body.slice(0, 160) : "");
  tally.requests++;
  tally.byStatus[res.statusCode] = (tally.byStatus[res.statusCode] ?? 0) + 1;
  expect(res.statusCode, `GET ${url} → ${res.statusCode} ${res.body.slice(0, 400)}`).toBeLessThan(500);
  expectContract("GET", op.path, url, res);
  return res;
}

/** Query variants per endpoint: its parameters filled from the stored case, plus the scenario and the change report's moments. */
function queriesFor(op: Operation, stored: Stored): URLSearchParams[] {
  const first = (prefix: string) => stored.ids[prefix]?.[0] ?? "";
  const value: Record<string, string> = {
    region: first("region"),
    regions: `${first("region")},region:lianzhou`,
    segment: first("segment"),
    chain: first("chain"),
    from: op.path.endsWith("/changes") ? "2000-01-01" : first("firm"),
    to: first("region"),
    q: stored.names[0] ?? "模糊",
  };
  const base = new URLSearchParams();
  const names = new Set(op.parameters.filter((p) => p.in === "query").map((p) => p.name));
  for (const p of op.parameters.filter((p) => p.in === "query")) {
    if (p.name === "to" && op.path.endsWith("/changes")) continue;
    if (value[p.name]) base.set(p.name, value[p.name]!);
    else if (p.required && p.schema.enum?.length) base.set(p.name, String(p.schema.enum[0]));
  }
  const variants = [base];
  const variant = (extra: Record<string, string>) => variants.push(new URLSearchParams({ ...Object.fromEntries(base), ...extra }));
  if (names.has("scenario") && stored.scenario) variant({ scenario: stored.scenario });
  if (op.path.endsWith("/changes")) variant({ from: stored.batch });
  if (op.path.endsWith("/distribution")) variant({ lang: "en" });
  return variants;
}

/** Ids a path parameter can take: the case's chain, scenario or region for their routes, any imported id elsewhere. */
function pathIds(op: Operation, stored: Stored): string[] {
  if (op.path.startsWith("/api/chains/{id}")) return stored.ids.chain ?? [];
  if (op.path.startsWith("/api/scenarios/{id}")) return stored.scenario ? [stored.scenario] : [];
  if (op.path.startsWith("/api/regions/{id}")) return stored.ids.region ?? [];
  return op.path.includes("{id}") ? Object.values(stored.ids).flat() : [""];
}

/** Every GET of the OpenAPI document, once per imported id its parameters can take. */
async function callEveryGet(stored: Stored) {
  for (const op of gets) {
    const headers = op.access === "public" || op.access === "viewer" ? {} : bearer(op.access === "admin" ? "admin" : "editor");
    if (op.path === "/api/import/templates/{file}") {
      await send(op, "/api/import/templates/firms.csv", headers);
      continue;
    }
    for (const id of pathIds(op, stored)) {
      const path = op.path.replace(/\{\w+\}/g, encodeURIComponent(id));
      for (const query of queriesFor(op, stored)) await send(op, `${path}${query.size ? `?${query}` : ""}`, headers);
    }
  }
}

/** The region's own outline (a square near 丽水), uploaded by an admin with the case's 审图号. */
async function uploadBoundary(c: Case, region: string) {
  if (!c.boundary) return;
  const data = { type: "FeatureCollection", features: [feature(`模糊测试区${c.key}`, square(119.9, 28.45, 0.1))] };
  const res = await app.inject({
    method: "POST",
    url: `/api/regions/${encodeURIComponent(region)}/boundary`,
    headers: bearer("admin"),
    payload: { ...c.boundary, data },
  });
  expect(res.statusCode, res.body).toBe(200);
  expectContract("POST", "/api/regions/{id}/boundary", "boundary upload", res);
}

/** A scenario over the imported chain and region, each change one the overlay accepts for this case. */
async function saveScenario(c: Case, stored: Stored, byName: Map<string, string>): Promise<string | null> {
  if (!c.scenario) return null;
  const firms = c.firmNames.map((n) => byName.get(`${n}${c.key}`)!);
  const leader = c.firm.leader === "是" ? firms[0] : undefined;
  const moves = new Set(c.scenario.changes);
  const changes: Record<string, unknown>[] = [];
  if (moves.has("add-new-firm"))
    changes.push({ kind: "add-firm", name: c.scenario.name.trim().slice(0, 100), segment: stored.ids.segment![0], aboveScale: true });
  if (moves.has("add-tie") && (changes.length > 0 || firms.length > 1))
    changes.push({ kind: "add-tie", from: changes.length > 0 ? "new:0" : firms[1], to: firms[0] });
  if (moves.has("remove-leader") && leader) changes.push({ kind: "remove-leader", firm: leader });
  if (moves.has("promote-project") && c.project.status !== "投产")
    changes.push({ kind: "promote-project", project: stored.ids.project![0] });
  if (moves.has("remove-firm") || changes.length === 0) changes.push({ kind: "remove-firm", firm: firms.at(-1) });
  const res = await app.inject({
    method: "POST",
    url: "/api/scenarios",
    headers: bearer("editor"),
    payload: {
      name: c.scenario.name,
      description: c.scenario.description,
      chain: stored.ids.chain![0],
      region: stored.ids.region![0],
      changes,
    },
  });
  expect(res.statusCode, `${JSON.stringify(changes)} → ${res.body}`).toBe(201);
  expectContract("POST", "/api/scenarios", "scenario", res);
  return (res.json() as { id: string }).id;
}

describe("every GET endpoint over randomly shaped imported data", () => {
  it("answers without 5xx, every JSON reply parsed with the model/api schema its route declares, for each random valid import", async () => {
    expect(gets.length).toBeGreaterThan(10);
    const covered = ["/resilience", "/changes", "/pack", "/distribution", "/boundary", "/api/scenarios/{id}", "/outcome"];
    for (const part of covered)
      expect(
        gets.some((op) => op.path.includes(part)),
        part,
      ).toBe(true);
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const t0 = Date.now();
        const report = await runImport(graph, filesFor(c), { dryRun: false, user: "stored-data-fuzz" });
        const errors = report.problems.filter((p) => p.severity === "error");
        expect(errors, JSON.stringify(errors.slice(0, 5))).toEqual([]);
        tally.cases++;
        if (process.env.FUZZ_TIMING) console.log("import", Date.now() - t0);
        const rows = (await graph.runRaw("MATCH (n:Entity {importBatch: $batch}) RETURN n.id AS id, n.name AS name", {
          batch: report.batch!.id,
        })) as { id: string; name: string }[];
        const ids: Record<string, string[]> = {};
        for (const { id } of rows) {
          const prefix = id.split(":")[0]!;
          ids[prefix] = [...(ids[prefix] ?? []), id];
        }
        const stored: Stored = { ids, names: rows.map((r) => String(r.name)), batch: report.batch!.id, scenario: null };
        try {
          expect(Object.keys(ids).sort()).toEqual(["chain", "firm", "fund", "inst", "park", "project", "region", "segment"]);
          await uploadBoundary(c, ids.region![0]!);
          stored.scenario = await saveScenario(c, stored, new Map(rows.map((r) => [r.name, r.id])));
          await callEveryGet(stored);
        } finally {
          if (stored.scenario) await app.inject({ method: "DELETE", url: `/api/scenarios/${stored.scenario}`, headers: bearer("editor") });
          if (c.boundary)
            await app.inject({
              method: "DELETE",
              url: `/api/regions/${encodeURIComponent(ids.region![0]!)}/boundary`,
              headers: bearer("admin"),
            });
          await revertImportBatch(graph, report.batch!.id, "stored-data-fuzz");
          await graph.runRaw("MATCH (b:ImportBatch {id: $id}) DELETE b", { id: report.batch!.id });
        }
      }),
      { numRuns: RUNS },
    );
  }, 900_000);
});
