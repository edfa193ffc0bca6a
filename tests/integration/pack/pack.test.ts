import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import type { Graph } from "../../../server/db/graph.ts";
import { buildPack } from "../../../server/pack/build-pack.ts";
import { HEADER_BLOCK_ROWS } from "../../../server/pack/workbook.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";
import { decodePng } from "../../helpers/png.ts";

const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";
const query = `region=${REGION}`;

let app: App;
let graph: Graph;
let files: Record<string, Uint8Array>;
let disposition = "";
let zipBytes: Buffer;
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
beforeAll(async () => {
  app = await testApp();
  graph = testGraph();
  const res = await app.inject({ url: `/api/chains/${CHAIN}/pack?${query}&lang=zh` });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toBe("application/zip");
  disposition = String(res.headers["content-disposition"]);
  zipBytes = res.rawPayload;
  files = unzipSync(res.rawPayload);
});
afterAll(async () => {
  await app.close();
  await graph.driver.close();
});

const api = async <T>(url: string): Promise<T> => {
  const res = await app.inject({ url });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json() as T;
};
const text = (name: string) => new TextDecoder().decode(files[name]);

type Sources = { doc: string; quote: string }[];

describe("the 图表包 for 莲都区 × 美丽健康", () => {
  it("holds the three pictures as SVG and PNG, the workbook, the report and a README", () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        "README.txt",
        "产业链图.png",
        "产业链图.svg",
        "区域分布图.png",
        "区域分布图.svg",
        "招商路线图.png",
        "招商路线图.svg",
        "报告.pdf",
        "清单.xlsx",
      ].sort(),
    );
    expect(decodeURIComponent(disposition)).toContain("莲都区-美丽健康产业链-图表包-");
  });

  it("marks the Chinese file names as UTF-8 from a Unix origin, so unzip tools keep them", () => {
    let entries = 0;
    for (let at = zipBytes.indexOf(CENTRAL_HEADER); at >= 0; at = zipBytes.indexOf(CENTRAL_HEADER, at + 4)) {
      entries++;
      expect(zipBytes[at + 5], "made by Unix").toBe(3);
      const name = zipBytes.subarray(at + 46, at + 46 + zipBytes.readUInt16LE(at + 28)).toString("utf8");
      if (/[^\x20-\x7e]/.test(name)) expect(zipBytes.readUInt16LE(at + 8) & 0x800, name).toBe(0x800);
    }
    expect(entries).toBe(9);
  });

  it("draws SVGs that parse, each with title, legend, dates and source line", () => {
    for (const name of ["产业链图.svg", "区域分布图.svg", "招商路线图.svg"]) {
      const svg = text(name);
      expect(XMLValidator.validate(svg), name).toBe(true);
      expect(svg.startsWith("<svg"), name).toBe(true);
      expect(svg, name).toContain(`莲都区美丽健康产业链 · ${name.replace(".svg", "")}`);
      expect(svg, name).toContain("图例");
      expect(svg, name).toMatch(/生成日期 \d{4}-\d{2}-\d{2}　资料截至 \d{4}/);
      expect(svg, name).toContain("来源：Chain Atlas");
    }
  });

  it("draws the chain map's segments and the route's gap segments from the API's data", async () => {
    const gaps = await api<{ segments: { id: string; name: string }[]; findings: { kind: string; segment?: string }[] }>(
      `/api/chains/${CHAIN}/gaps?${query}`,
    );
    const chainMap = text("产业链图.svg");
    for (const segment of gaps.segments) expect(chainMap).toContain(`data-node-id="${segment.id}"`);
    const route = text("招商路线图.svg");
    const gapSegments = gaps.findings.filter((f) => f.kind === "missing-segment" || f.kind === "thin-segment").map((f) => f.segment);
    expect(gapSegments.length).toBeGreaterThan(0);
    for (const id of gapSegments) expect(route).toContain(`data-node-id="${id}"`);
  });

  it("renders PNGs that decode to the SVGs' proportions", () => {
    for (const name of ["产业链图", "区域分布图", "招商路线图"]) {
      const { width, height } = decodePng(Buffer.from(files[`${name}.png`] as Uint8Array));
      const svgHeight = Number(/height="(\d+)"/.exec(text(`${name}.svg`))?.[1]);
      expect(width, name).toBe(1800);
      expect(Math.abs(height - svgHeight * 1.5), name).toBeLessThanOrEqual(1);
    }
  });

  it("writes the six lists with a header block, each as many rows as the API's list", async () => {
    const base = `/api/chains/${CHAIN}`;
    const [map, gaps, targets, distribution, resilience] = await Promise.all([
      api<{ elements: { nodes: { data: { type: string; sources: Sources } }[] } }>(`${base}/map?${query}`),
      api<{ findings: { evidence: { sources: Sources } }[]; documents: { id: string }[] }>(`${base}/gaps?${query}`),
      api<{ targets: { firm: { sources: Sources } }[] }>(`${base}/targets?${query}&limit=50`),
      api<{ points: { kind: string; sources: Sources }[] }>(`${base}/distribution?${query}`),
      api<{ critical: unknown[] }>(`${base}/resilience?${query}`),
    ]);
    const cited = new Set([
      ...gaps.findings.flatMap((f) => f.evidence.sources.map((s) => s.doc)),
      ...map.elements.nodes.flatMap((n) => n.data.sources.map((s) => s.doc)),
      ...distribution.points.flatMap((p) => p.sources.map((s) => s.doc)),
      ...targets.targets.flatMap((t) => t.firm.sources.map((s) => s.doc)),
    ]);
    const expected: Record<string, number> = {
      重点企业清单: map.elements.nodes.filter((n) => n.data.type === "firm").length,
      重点项目清单: distribution.points.filter((p) => p.kind === "project").length,
      短板问题清单: gaps.findings.length,
      招商目标清单: targets.targets.length,
      政策与来源清单: cited.size,
      "韧性（卡脖子）清单": resilience.critical.length,
    };
    for (const [sheet, rows] of Object.entries(expected)) expect(rows, `${sheet} has rows in the demo`).toBeGreaterThan(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files["清单.xlsx"] as Uint8Array) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.keys(expected));
    for (const sheet of workbook.worksheets) {
      expect(sheet.getCell("A2").value, sheet.name).toBe("区域");
      expect(sheet.getCell("B2").value, sheet.name).toBe("莲都区");
      expect(sheet.getCell("B3").value, sheet.name).toBe("美丽健康产业链");
      expect(String(sheet.getCell("B4").value), sheet.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(sheet.getCell("A5").value, sheet.name).toBe("资料截至");
      expect(sheet.rowCount - HEADER_BLOCK_ROWS, sheet.name).toBe(expected[sheet.name]);
    }
    const findings = workbook.getWorksheet("短板问题清单");
    expect(String(findings?.getCell(HEADER_BLOCK_ROWS + 1, 9).value ?? "")).toMatch(/《.+》.*：“.+”/);
  });

  it("lists in 韧性（卡脖子）清单 the API's resilience ranking, row for row", async () => {
    const report = await api<{ critical: { name: string; score: number; leader: boolean; segmentsLost: string[] }[] }>(
      `/api/chains/${CHAIN}/resilience?${query}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files["清单.xlsx"] as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("韧性（卡脖子）清单")!;
    const rows = report.critical.map((_, i) => sheet.getRow(HEADER_BLOCK_ROWS + 1 + i));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(report.critical.map((_, i) => i + 1));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(report.critical.map((c) => c.name));
    expect(rows.map((r) => r.getCell(3).value)).toEqual(report.critical.map((c) => c.score));
    expect(rows.map((r) => r.getCell(4).value || "")).toEqual(report.critical.map((c) => (c.leader ? "是" : "")));
    expect(rows.map((r) => (r.getCell(7).value ? String(r.getCell(7).value).split("、").length : 0))).toEqual(
      report.critical.map((c) => c.segmentsLost.length),
    );
  });

  it("includes a PDF report with pages and the CJK font embedded", () => {
    const pdf = Buffer.from(files["报告.pdf"] as Uint8Array).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThan(0);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(pdf).toMatch(/\/FontFile[23]? \d+ 0 R/);
  });

  it("explains each file in README.txt", () => {
    const readme = text("README.txt");
    for (const name of ["产业链图.svg", "区域分布图.svg", "招商路线图.svg", "清单.xlsx", "报告.pdf", "重点企业清单", "政策与来源清单"]) {
      expect(readme).toContain(name);
    }
  });

  it("gives byte-identical SVGs and workbook for the same request at another time of day", async () => {
    const q = { chain: CHAIN, region: REGION, enclaves: "home" as const, lang: "zh" as const };
    const first = unzipSync((await buildPack(graph, q, { now: new Date("2026-03-02T01:00:00Z") })).body);
    const second = unzipSync((await buildPack(graph, q, { now: new Date("2026-03-02T09:30:00Z") })).body);
    for (const name of ["产业链图.svg", "区域分布图.svg", "招商路线图.svg", "清单.xlsx"]) {
      expect(Buffer.from(first[name] as Uint8Array).equals(Buffer.from(second[name] as Uint8Array)), name).toBe(true);
    }
  });

  it("speaks English when asked", async () => {
    const res = await app.inject({ url: `/api/chains/${CHAIN}/pack?${query}&lang=en` });
    expect(res.statusCode).toBe(200);
    const en = unzipSync(res.rawPayload);
    expect(Object.keys(en)).toContain("chain-map.svg");
    expect(new TextDecoder().decode(en["chain-map.svg"])).toContain("Legend");
  });

  it("answers 503 naming the missing CJK font and how to install it", async () => {
    const noFont = await testApp({ cjkFontFile: "/nonexistent/NotoSansCJK-Regular.ttc" });
    try {
      const res = await noFont.inject({ url: `/api/chains/${CHAIN}/pack?${query}` });
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toContain("fonts-noto-cjk");
    } finally {
      await noFont.close();
    }
  });

  it("answers 400 naming the field for a bad language or region, 404 for an unknown chain", async () => {
    const badLang = await app.inject({ url: `/api/chains/${CHAIN}/pack?${query}&lang=fr` });
    expect(badLang.statusCode).toBe(400);
    expect(badLang.json().message).toContain("lang");
    expect((await app.inject({ url: `/api/chains/${CHAIN}/pack?region=nowhere` })).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/chains/chain:nope/pack?${query}` })).statusCode).toBe(404);
  });
});
