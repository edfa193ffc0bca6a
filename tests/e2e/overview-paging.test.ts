import { describe, expect, it } from "vitest";
import { chainsSchema, regionsSchema } from "../../model/api/explore.ts";
import { useBrowserApp } from "../helpers/browser-app.ts";
import { FIXTURE, loadFixture, removeFixture } from "../helpers/fixture.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * The overview's region paging in real Chromium: on a database where more than 40 regions develop
 * a chain (the demo's plus 45 made-up districts), it draws 20 regions, 20 more per click of
 * 显示更多地区, and drops the button once every region is shown.
 */
const graph = testGraph();
const CHAIN = "chain:e2e-paging";
const DISTRICTS = 45;
let ids: string[] = [];

const app = useBrowserApp({
  graph,
  setUp: async () => {
    ids = await loadFixture(graph, {
      "chains.json": [{ id: CHAIN, name: "分页测试产业链", ...FIXTURE }],
      "segments.json": [{ id: "segment:e2e-paging", name: "分页测试环节", stage: "upstream", ...FIXTURE }],
      "regions.json": Array.from({ length: DISTRICTS }, (_, i) => ({
        id: `region:e2e-paging-${String(i).padStart(2, "0")}`,
        name: `分页测试${i}区`,
        kind: "district",
        ...FIXTURE,
      })),
      "relations.json": [
        { type: "SEGMENT_OF", from: "segment:e2e-paging", to: CHAIN, props: {}, ...FIXTURE },
        ...Array.from({ length: DISTRICTS }, (_, i) => ({
          type: "DEVELOPS",
          from: `region:e2e-paging-${String(i).padStart(2, "0")}`,
          to: CHAIN,
          props: { period: "2025" },
          ...FIXTURE,
        })),
      ],
    });
  },
  tearDown: () => removeFixture(graph, ids),
});

/** Regions the API lists that develop at least one chain: what the overview pages through. */
async function developedRegions(): Promise<number> {
  const [regions, chains] = await Promise.all([
    fetch(`${app.base}/api/regions`).then(async (r) => regionsSchema.parse(await r.json())),
    fetch(`${app.base}/api/chains`).then(async (r) => chainsSchema.parse(await r.json())),
  ]);
  const listed = new Set(regions.regions.map((r) => r.id));
  return new Set(chains.chains.flatMap((c) => c.developedBy).filter((id) => listed.has(id))).size;
}

describe("the overview's regions, a page at a time", () => {
  it("draws 20 regions, 20 more per click of 显示更多地区, and no button once all are shown", async () => {
    const total = await developedRegions();
    expect(total, "the database develops more than two pages of regions").toBeGreaterThan(40);
    const page = await app.open("#/home");
    const sections = page.locator(".home-region");
    const more = page.locator("button.home-more");
    await expect.poll(() => sections.count(), { timeout: scaledTimeout(60_000) }).toBe(20);
    expect(await more.isVisible()).toBe(true);
    expect(await more.textContent()).toBe(`显示更多地区（还有 ${total - 20} 个）`);

    await more.click();
    await expect.poll(() => sections.count()).toBe(40);
    expect(await more.textContent()).toBe(`显示更多地区（还有 ${total - 40} 个）`);
    const headings = await sections.locator("h2").evaluateAll((hs) => hs.map((h) => h.id));
    expect(new Set(headings).size, "no region drawn twice").toBe(40);

    await more.click();
    await expect.poll(() => sections.count()).toBe(total);
    expect(await more.isVisible(), "the button goes once every region is shown").toBe(false);
  });
});
