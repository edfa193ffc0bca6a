import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { renderRegions } from "../../bench/render-app.ts";
import { type DrawnLabel, labelsOnScreen, overlappingLabels } from "../../scripts/map-legibility.ts";
import { generateSynthetic } from "../../seeds/synthetic/generate.ts";
import { removeSynthetic } from "../../seeds/synthetic/remove.ts";
import { useBrowserApp } from "../helpers/browser-app.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * Issue 16 (render): the chain map of a region with hundreds of local firms in one chain, in real
 * Chromium at 1440×900, is legible at the fitted view by aggregation: every lane, segment and count
 * node is named at 11 px or more, no drawn label is smaller, no two labels overlap, and firm names
 * appear as the planner zooms in. The data is the synthetic generator's (5,000 firms, seed 42: a
 * district with ~450 local firms in a chain of ~40 segments), removed at the end.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e/chain-map-at-scale");
const LAPTOP = { width: 1440, height: 900 };
const MIN_PX = 11;
const graph = testGraph();
let target: { region: string; chain: string; localFirms: number } | undefined;
const app = useBrowserApp({
  artifacts: ARTIFACTS,
  graph,
  setUp: async () => {
    await removeSynthetic(graph);
    const { plan } = await generateSynthetic(graph, { seed: 42, firms: 5_000 });
    target = renderRegions(plan, [500])[0];
  },
  tearDown: () => removeSynthetic(graph),
});

async function openMap(lang?: "en"): Promise<Page> {
  if (!target) throw new Error("no synthetic region was generated");
  const page = await app.open(`#/map?chain=${target.chain}&region=${target.region}${lang ? `&lang=${lang}` : ""}`, { viewport: LAPTOP });
  await page.locator(".view-map[data-ready='true']").waitFor({ timeout: scaledTimeout(90_000) });
  // The fit runs as the preset layout stops; the legibility cut follows on the next frame.
  await page.waitForTimeout(400);
  return page;
}

const mustRead = (labels: DrawnLabel[]) => labels.filter((l) => /\b(lane|segment|aggregate)\b/.test(l.classes) && l.text.trim() !== "");
const named = (labels: DrawnLabel[]) => labels.filter((l) => l.drawn && /\bfirm\b/.test(l.classes));
const tooSmall = (labels: DrawnLabel[]) => labels.filter((l) => l.drawn && l.px < MIN_PX).map((l) => `${l.id} ${l.px.toFixed(1)}px`);
const unnamed = (labels: DrawnLabel[]) => labels.filter((l) => !l.drawn).map((l) => `${l.id} ${l.px.toFixed(1)}px`);
const overlaps = (labels: DrawnLabel[]) => overlappingLabels(labels).map(([a, b]) => `${a.id} × ${b.id}`);

/** Zooms in on the middle of the canvas to `level` (a planner zooming in to read names). */
function zoomAtMiddle(page: Page, level: number) {
  return page.evaluate((to) => {
    const cy = (
      document.querySelector("#graph") as unknown as {
        _cyreg: { cy: { zoom(o?: unknown): number; width(): number; height(): number } };
      }
    )._cyreg.cy;
    cy.zoom({ level: to, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }, level);
}

describe("链图 at scale: a district with hundreds of local firms in one chain", () => {
  it("names every lane, segment and count node at 11 px or more at the fitted view, with no overlapping labels", async () => {
    expect(target?.localFirms, "the generator made a region with a few hundred local firms").toBeGreaterThanOrEqual(300);
    const page = await openMap();
    const labels = await labelsOnScreen(page);
    const segments = mustRead(labels);
    expect(segments.filter((l) => /\bsegment\b/.test(l.classes)).length, "the chain's segments are on the map").toBeGreaterThan(20);
    expect(unnamed(segments), "every lane, segment and count node is named").toEqual([]);
    expect(tooSmall(labels), "no drawn text under 11 px").toEqual([]);
    expect(overlaps(labels), "no two drawn labels overlap").toEqual([]);
    // Aggregation: the box says how many local firms it holds, not a wall of cards.
    const box = segments.find((l) => /\bsegment\b/.test(l.classes) && /本地 \d+/.test(l.text));
    expect(box, "a segment box counts its local firms").toBeDefined();
    // The chain leaders are named firms at the fitted view, not hidden in a count.
    expect(named(labels).every((l) => !/\bdetail\b/.test(l.classes))).toBe(true);
    expect(
      named(labels).some((l) => l.text.startsWith("★")),
      "a chain leader is named",
    ).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "fitted-1440.png") });
  });

  it("draws more firm names as the planner zooms in, never text under 11 px", async () => {
    const page = await openMap();
    const fitted = await labelsOnScreen(page);
    const details = fitted.filter((l) => /\bdetail\b/.test(l.classes));
    expect(details.length, "folded segments show some of their firms as detail cards").toBeGreaterThan(0);
    expect(
      details.filter((l) => l.drawn).map((l) => l.id),
      "detail cards are not named at the fitted view",
    ).toEqual([]);

    await zoomAtMiddle(page, 1.2);
    await expect
      .poll(async () => (await labelsOnScreen(page)).filter((l) => l.drawn && /\bdetail\b/.test(l.classes)).length, {
        timeout: scaledTimeout(15_000),
      })
      .toBeGreaterThan(0);
    const zoomed = await labelsOnScreen(page);
    expect(named(zoomed).length).toBeGreaterThan(named(fitted).length);
    expect(tooSmall(zoomed)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "zoomed-1440.png") });
  });

  it("in English too: every segment named at 11 px or more, no overlaps", async () => {
    const page = await openMap("en");
    const labels = await labelsOnScreen(page);
    const segments = mustRead(labels);
    expect(
      segments.some((l) => /upstream/i.test(l.text)),
      "English labels",
    ).toBe(true);
    expect(unnamed(segments)).toEqual([]);
    expect(tooSmall(labels)).toEqual([]);
    expect(overlaps(labels)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "fitted-en-1440.png") });
  });

  it("opens a folded segment when its box is tapped, naming its firms", async () => {
    const page = await openMap();
    const folded = await page.evaluate(() => {
      const cy = (
        document.querySelector("#graph") as unknown as {
          _cyreg: { cy: { nodes(sel: string): { empty(): boolean; first(): { id(): string } } } };
        }
      )._cyreg.cy;
      const boxes = cy.nodes("node.segment[?folded]");
      return boxes.empty() ? undefined : boxes.first().id();
    });
    expect(folded, "a folded segment box").toBeDefined();
    // Its title, as a planner clicks it.
    const fitted = await labelsOnScreen(page);
    const namedBefore = named(fitted).length;
    const title = fitted.find((l) => l.id === folded)!;
    const box = { id: folded!, x: (title.box.x1 + title.box.x2) / 2, y: (title.box.y1 + title.box.y2) / 2 };
    const canvas = await page.locator("#graph").boundingBox();
    await page.mouse.click(canvas!.x + box!.x, canvas!.y + box!.y);
    await expect.poll(() => decodeURIComponent(page.url())).toContain(box!.id);
    // The view stays ready while it reloads the opened map: wait for the firms' names instead.
    await expect
      .poll(async () => named(await labelsOnScreen(page)).length, { timeout: scaledTimeout(60_000) })
      .toBeGreaterThan(Math.max(2, namedBefore));
    await page.waitForTimeout(800);
    const labels = await labelsOnScreen(page);
    const inside = labels.filter((l) => /\bfirm\b/.test(l.classes) && !/\bdetail\b/.test(l.classes));
    expect(tooSmall(labels)).toEqual([]);
    expect(inside.length).toBeGreaterThan(2);
  });
});
