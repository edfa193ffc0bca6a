import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { chromium } from "playwright-core";
import { createDriver } from "../server/db/driver.ts";
import { Graph } from "../server/db/graph.ts";

import { assemblePack } from "../server/pack/build-pack.ts";
import { readPackData } from "../server/pack/pack-data.ts";
import { svgToPng } from "../server/pack/png.ts";
import { deleteBoundary } from "../server/repositories/boundaries.ts";
import { uploadBoundary } from "../server/services/boundaries.ts";

/**
 * The pictures of docs/user-guide.md's "交付材料 / Deliverables": the 图表包 of 莲都区 × 美丽健康
 * from the demo data, once without a boundary (schematic) and once on a made-up boundary (three
 * squares, labelled as invented — Chain Atlas ships no boundary data), plus a sheet of the
 * workbook and the report's first page as Chromium shows them.
 *
 *   NEO4J_URI=… NEO4J_PASSWORD=… npx tsx scripts/deliverable-pictures.ts
 */
const OUT = path.join(import.meta.dirname, "..", "docs", "deliverables");
const QUERY = { chain: "chain:beauty-health", region: "region:lianzhou", enclaves: "home" as const };
const MADE_UP = "示例：虚构边界，非真实审图号";

const square = (lng: number, lat: number, half: number) => [
  [lng - half, lat - half],
  [lng + half, lat - half],
  [lng + half, lat + half],
  [lng - half, lat + half],
  [lng - half, lat - half],
];
const area = (name: string, ring: number[][]) => ({
  type: "Feature",
  properties: { name },
  geometry: { type: "Polygon", coordinates: [ring] },
});

async function main() {
  const graph = new Graph(
    createDriver({
      uri: process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: process.env.NEO4J_DATABASE ?? "neo4j",
    }),
    process.env.NEO4J_DATABASE ?? "neo4j",
    120_000,
  );
  mkdirSync(OUT, { recursive: true });
  const picture = (name: string, svg: Uint8Array | undefined) => {
    if (!svg) throw new Error(`the pack has no ${name}`);
    writeFileSync(path.join(OUT, `${name}.png`), svgToPng(new TextDecoder().decode(svg), undefined, 0.8));
  };
  try {
    const schematic = unzipSync((await assemblePack(await readPackData(graph, QUERY), "zh")).body);
    picture("chain-map", schematic["产业链图.svg"]);
    picture("route", schematic["招商路线图.svg"]);
    picture("distribution-schematic", schematic["区域分布图.svg"]);

    const collection = {
      type: "FeatureCollection",
      features: [area("莲都区", square(119.9, 28.45, 0.15)), area("碧湖镇", square(119.8, 28.35, 0.05))],
    };
    await uploadBoundary(
      graph,
      { region: QUERY.region, crs: "WGS-84", approvalNumber: MADE_UP, data: collection, uploadedBy: "docs" },
      1000,
    );
    try {
      const onMap = unzipSync((await assemblePack(await readPackData(graph, QUERY), "zh")).body);
      picture("distribution-map", onMap["区域分布图.svg"]);
      await screenshots(schematic);
    } finally {
      await deleteBoundary(graph, QUERY.region);
    }
  } finally {
    await graph.driver.close();
  }
}

/** A sheet of the workbook as an HTML table, and the PDF's first page, in Chromium. */
async function screenshots(files: Record<string, Uint8Array>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(files["清单.xlsx"] as Uint8Array) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("短板问题清单");
  const rows: string[] = [];
  sheet?.eachRow((row, n) => {
    if (n > 12) return;
    const cells = (row.values as unknown[]).slice(1).map((v) =>
      String(v ?? "")
        .slice(0, 80)
        .replace(/</g, "&lt;"),
    );
    rows.push(`<tr>${cells.map((c) => (n === 6 ? `<th>${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`);
  });
  const tabs = workbook.worksheets.map((w) => `<span class="${w.name === "短板问题清单" ? "on" : ""}">${w.name}</span>`).join("");
  const html = `<!doctype html><meta charset="utf-8"><style>body{font:12px "Noto Sans CJK SC";margin:8px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;max-width:360px;vertical-align:top}th{background:#e2e8f0}.tabs span{display:inline-block;padding:4px 10px;border:1px solid #ccc;margin-right:2px}.tabs .on{background:#fff;border-bottom:2px solid #2b6cb0;font-weight:bold}</style><table>${rows.join("")}</table><div class="tabs">${tabs}</div>`;
  const dir = path.join(tmpdir(), `chain-atlas-docs-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "sheet.html"), html);
  writeFileSync(path.join(dir, "report.pdf"), files["报告.pdf"] as Uint8Array);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 560 } });
    await page.goto(`file://${dir}/sheet.html`);
    await page.screenshot({ path: path.join(OUT, "workbook.png") });
    await page.setViewportSize({ width: 1000, height: 760 });
    await page.goto(`file://${dir}/report.pdf`);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: path.join(OUT, "report.png") });
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
