import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Targets } from "../../../model/api/analysis.ts";
import { REPORT_TARGETS } from "../../../model/report-outline.ts";
import type { App } from "../../../server/app.ts";
import type { Graph } from "../../../server/db/graph.ts";
import { buildPack } from "../../../server/pack/build-pack.ts";
import { buildReportPdf } from "../../../server/pack/build-report.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";
import { CJK, namesAndQuotes, type ParsedPdf, parsePdf, withoutAllowed } from "../../helpers/pdf.ts";

const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";
const BASE = `/api/chains/${CHAIN}`;

let app: App;
let graph: Graph;
const pdfs: Record<"zh" | "en", { parsed: ParsedPdf; bytes: Buffer; disposition: string }> = {} as never;
/** The names, titles and quotes the report may show in either language, from the API's own answers. */
const allowed = new Set<string>();

beforeAll(async () => {
  app = await testApp();
  graph = testGraph();
  for (const lang of ["zh", "en"] as const) {
    const res = await app.inject({ url: `${BASE}/report.pdf?region=${REGION}&lang=${lang}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    pdfs[lang] = { bytes: res.rawPayload, parsed: await parsePdf(res.rawPayload), disposition: String(res.headers["content-disposition"]) };
  }
  const gaps = (await app.inject({ url: `${BASE}/gaps?region=${REGION}` })).json();
  namesAndQuotes(gaps, allowed);
  namesAndQuotes((await app.inject({ url: `${BASE}/map?region=${REGION}` })).json(), allowed);
  namesAndQuotes((await app.inject({ url: `/api/documents` })).json(), allowed);
  namesAndQuotes((await app.inject({ url: `${BASE}/targets?region=${REGION}&limit=${REPORT_TARGETS}` })).json(), allowed);
}, 240_000);
afterAll(async () => {
  await app.close();
  await graph.driver.close();
});

const SECTIONS = ["莲都区美丽健康产业链分析报告", "短板问题（按优先级）", "招商目标（排名）", "供需对接", "资料来源"];

describe("GET /api/chains/:id/report.pdf — the report view's sections as one PDF", () => {
  it("puts the title, the six headline figures and the chain map on page 1", () => {
    const { parsed } = pdfs.zh;
    expect(parsed.pages.length, "cover plus findings, targets and sources pages").toBeGreaterThan(2);
    const cover = parsed.pages[0] ?? "";
    for (const text of ["莲都区美丽健康产业链分析报告", "链条完整度", "有本地企业的环节", "缺链", "弱链", "断链", "链主企业", "上游："]) {
      expect(cover, text).toContain(text);
    }
    expect(parsed.images[0], "the chain map drawn on page 1").toBe(1);
    expect(cover, "findings start on page 2").not.toContain("短板问题（按优先级）");
  });

  it("has the sections in the report view's order, as text and as bookmarks", () => {
    const { parsed } = pdfs.zh;
    const at = SECTIONS.map((title) => parsed.pieces.indexOf(title));
    expect(
      at.every((i) => i >= 0),
      `all of ${SECTIONS.join(", ")} set as headings`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(parsed.outline).toEqual(SECTIONS);
    expect(pdfs.en.parsed.outline.slice(1)).toEqual(["Findings (by priority)", "Recruitment targets (ranked)", "Matchmaking", "Sources"]);
  });

  it("lists every finding with its evidence and every cited document with its date", async () => {
    const gaps = (await app.inject({ url: `${BASE}/gaps?region=${REGION}` })).json() as {
      findings: { message: { zh: string }; evidence: { sources: { quote: string }[] } }[];
      documents: { title: string; date?: string }[];
    };
    const text = pdfs.zh.parsed.pages.join("");
    for (const f of gaps.findings) expect(text, f.message.zh).toContain(f.message.zh);
    const quoted = gaps.findings.flatMap((f) => f.evidence.sources.slice(0, 1).map((s) => s.quote));
    expect(quoted.length).toBeGreaterThan(0);
    for (const quote of quoted) expect(text, quote).toContain(quote);
    for (const doc of gaps.documents) {
      expect(text, doc.title).toContain(doc.title);
      if (doc.date) expect(text, `${doc.title} dated`).toContain(doc.date);
    }
  });

  it("lists the ranked targets as GET /targets ranks them, with the gaps each closes", async () => {
    const targets = (await app.inject({ url: `${BASE}/targets?region=${REGION}&limit=${REPORT_TARGETS}` })).json() as Targets;
    expect(targets.targets.length, "the demo has ranked targets").toBeGreaterThan(0);
    const text = pdfs.zh.parsed.pages.join("");
    let from = text.indexOf("招商目标（排名）");
    const end = text.indexOf("供需对接", from);
    for (const target of targets.targets) {
      const at = text.indexOf(`${target.rank}. ${target.firm.label}`, from);
      expect(at, `${target.rank}. ${target.firm.label} in rank order under 招商目标`).toBeGreaterThan(from);
      expect(at).toBeLessThan(end);
      from = at;
    }
  });

  it("embeds the CJK font", () => {
    for (const lang of ["zh", "en"] as const) {
      expect(pdfs[lang].parsed.raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
      expect(pdfs[lang].parsed.raw).toMatch(/\/FontFile[23]? \d+ 0 R/);
    }
  });

  it("has no English in the Chinese report and no Chinese in the English one, names and quotes aside", () => {
    const zh = withoutAllowed(pdfs.zh.parsed.pages.join(""), allowed);
    expect(zh.match(/[A-Za-z]{2,}/g) ?? [], "English words in the Chinese report").toEqual([]);
    const en = withoutAllowed(pdfs.en.parsed.pages.join(""), allowed);
    expect(en.match(CJK) ?? [], "Chinese characters in the English report").toEqual([]);
    expect(pdfs.en.parsed.pages.join("")).toContain("Findings (by priority)");
  });

  it("names the file by region, chain and date", () => {
    expect(decodeURIComponent(pdfs.zh.disposition)).toMatch(/莲都区-美丽健康产业链-分析报告-\d{4}-\d{2}-\d{2}\.pdf/);
    expect(pdfs.en.disposition).toMatch(/chain-report-lianzhou-beauty-health-\d{4}-\d{2}-\d{2}\.pdf/);
  });

  it("is the same document the 图表包 holds", async () => {
    const now = new Date("2026-03-02T08:00:00Z");
    const q = { chain: CHAIN, region: REGION, enclaves: "home" as const, lang: "zh" as const };
    const alone = await buildReportPdf(graph, q, { now });
    const inPack = unzipSync((await buildPack(graph, q, { now })).body)["报告.pdf"];
    expect(inPack).toBeDefined();
    expect((await parsePdf(Buffer.from(inPack as Uint8Array))).pages).toEqual((await parsePdf(alone.body)).pages);
  });

  it("answers 400 naming the field for a bad language or region, 404 for an unknown chain", async () => {
    const badLang = await app.inject({ url: `${BASE}/report.pdf?region=${REGION}&lang=fr` });
    expect(badLang.statusCode).toBe(400);
    expect(badLang.json().message).toContain("lang");
    const badRegion = await app.inject({ url: `${BASE}/report.pdf?region=nowhere` });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json().message).toContain("region");
    expect((await app.inject({ url: `/api/chains/chain:nope/report.pdf?region=${REGION}` })).statusCode).toBe(404);
  });
});
