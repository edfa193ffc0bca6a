import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../scripts/chromium.ts";
import { labelsOnScreen, overlappingLabels } from "../scripts/map-legibility.ts";
import type { Plan } from "../seeds/synthetic/plan.ts";
import type { Neo4jConnection } from "../server/config.ts";
import { startApp } from "./http.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const VIEWPORT = { width: 1440, height: 900 };
const PAN_SECONDS = 3;

/** The app's own chain map (its layout, stylesheet and level of detail) for one region and chain. */
export interface AppRenderResult {
  /** The local-firm count asked for, and the region / chain picked as closest to it. */
  wanted: number;
  localFirms: number;
  region: string;
  chain: string;
  status: "ok" | "timed-out" | "failed";
  /** Elements the view drew (after its aggregation). */
  elements?: number;
  /** Navigation to the first drawn frame of the fitted map: API calls, layout and drawing. */
  firstFrameMs?: number;
  panFps?: number;
  /** Smallest on-screen font size of a drawn label at the fitted view, in CSS px; labels drawn. */
  minLabelPx?: number;
  labelsDrawn?: number;
  /**
   * What a planner can read at the fitted view: the lane, segment and count nodes (what stands for
   * the aggregated firms) whose label is drawn, of all of them (target: every one), and the firm
   * cards named there.
   */
  segmentLabels?: { drawn: number; of: number };
  firmLabelsDrawn?: number;
  /** Pairs of drawn labels whose boxes overlap (target 0). */
  overlappingLabels?: number;
  /** Firm cards named after zooming in on the middle of the fitted view (3×, at least to 120 %): names appear, not shrink. */
  firmLabelsZoomedIn?: number;
  detail?: string;
}

/**
 * Picks, per wanted size, the (region, chain) whose local firms in the chain are closest to it: a
 * district (one presence) or a city (the presences of its districts in that chain, added up).
 */
export function renderRegions(plan: Plan, wanted: number[]): { wanted: number; region: string; chain: string; localFirms: number }[] {
  const sums = new Map<string, number>();
  const add = (region: number, chain: number, firms: number) => {
    const key = `${region}|${chain}`;
    sums.set(key, (sums.get(key) ?? 0) + firms);
  };
  for (const p of plan.presences) {
    if (!p.developed) continue;
    add(p.region, p.chain, p.firmCount);
    const parent = plan.regions[p.region]?.parent;
    if (parent !== undefined && plan.regions[parent]?.kind === "city") add(parent, p.chain, p.firmCount);
  }
  const all = [...sums].map(([key, firms]) => {
    const [region, chain] = key.split("|").map(Number) as [number, number];
    return { region: plan.regions[region]!.id, chain: plan.chains[chain]!.id, localFirms: firms };
  });
  return wanted.map((w) => {
    const best = all.reduce((a, b) => (Math.abs(b.localFirms - w) < Math.abs(a.localFirms - w) ? b : a));
    return { wanted: w, ...best };
  });
}

/**
 * Builds the web bundle, serves it with the API against `connection`, and opens the chain map of
 * each region in headless Chromium: time to the first frame of the fitted map, frames per second
 * while panning, and what a planner can read at the fitted view: labels drawn, the smallest, the
 * share of lane / segment / count nodes named, overlapping labels, and firm names after zooming in.
 */
export async function measureAppRender(
  connection: Neo4jConnection,
  cases: { wanted: number; region: string; chain: string; localFirms: number }[],
  timeoutMs: number,
): Promise<AppRenderResult[]> {
  const distDir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-bench-web-"));
  const { build } = await import("vite");
  await build({ configFile: path.join(ROOT, "web/vite.config.ts"), logLevel: "warn", build: { outDir: distDir, emptyOutDir: true } });
  const { app, baseUrl } = await startApp(connection, 60_000, distDir);
  const browser = await launchChromium();
  const results: AppRenderResult[] = [];
  try {
    for (const c of cases) {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: "zh-CN" });
      const page = await context.newPage();
      try {
        // A first visit loads the bundle and fonts; the measured one is the map itself. The warm-up
        // page is the import view, which reads nothing heavy: the overview (#/) reads every
        // developed region × chain and at 1M firms does not go quiet within the timeout.
        await page.goto(`${baseUrl}/#/import`);
        await page.waitForLoadState("load");
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const started = Date.now();
        await page.goto(`${baseUrl}/#/map?chain=${encodeURIComponent(c.chain)}&region=${encodeURIComponent(c.region)}`);
        await page.locator(".view-map[data-ready='true']").waitFor({ timeout: timeoutMs });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const firstFrameMs = Date.now() - started;
        const all = await labelsOnScreen(page);
        const labels = all.filter((l) => l.drawn);
        const mustRead = all.filter((l) => /\b(lane|segment|aggregate)\b/.test(l.classes) && l.text.trim() !== "");
        const firmsNamed = (list: typeof all) => list.filter((l) => l.drawn && /\bfirm\b/.test(l.classes)).length;
        const overlaps = overlappingLabels(all).length;
        await page.evaluate(`(() => {
          const cy = document.querySelector("#graph")._cyreg.cy;
          cy.zoom({ level: Math.max(1.2, cy.zoom() * 3), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        })()`);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const zoomedIn = firmsNamed(await labelsOnScreen(page));
        await page.evaluate(`document.querySelector("#graph")._cyreg.cy.fit(undefined, 30)`);
        const { elements, panFps } = (await page.evaluate(`(async () => {
          const cy = document.querySelector("#graph")._cyreg.cy;
          let frames = 0;
          cy.on("render", () => { frames += 1; });
          const started = performance.now();
          await new Promise((resolve) => {
            const step = () => {
              cy.panBy({ x: 4, y: 2 });
              if (performance.now() - started < ${PAN_SECONDS * 1000}) requestAnimationFrame(step);
              else resolve();
            };
            requestAnimationFrame(step);
          });
          return { elements: cy.elements().length, panFps: frames / ((performance.now() - started) / 1000) };
        })()`)) as { elements: number; panFps: number };
        results.push({
          ...c,
          status: "ok",
          elements,
          firstFrameMs,
          panFps: Math.round(panFps * 10) / 10,
          minLabelPx: labels.length ? Math.round(Math.min(...labels.map((l) => l.px)) * 10) / 10 : undefined,
          labelsDrawn: labels.length,
          segmentLabels: { drawn: mustRead.filter((l) => l.drawn).length, of: mustRead.length },
          firmLabelsDrawn: firmsNamed(all),
          overlappingLabels: overlaps,
          firmLabelsZoomedIn: zoomedIn,
        });
      } catch (error) {
        const message = (error as Error).message.split("\n")[0] ?? "";
        results.push({ ...c, status: /Timeout/i.test(message) ? "timed-out" : "failed", detail: message.slice(0, 200) });
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await browser.close();
    await app.close();
    await rm(distDir, { recursive: true, force: true });
  }
  return results;
}
