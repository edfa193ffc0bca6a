import path from "node:path";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { useBrowserApp, withDemoOutsideFirms } from "../helpers/browser-app.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * The targets view in real Chromium on the demo data with the opt-in synthetic outside-firms
 * layer: ranked candidates with rank, score and the breakdown of reasons, the 招商路线图, and the
 * synthetic firms marked as examples.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const graph = testGraph();
const app = useBrowserApp({
  artifacts: ARTIFACTS,
  ...withDemoOutsideFirms(graph),
});
let page: Page;

beforeEach(async () => {
  page = await app.open();
});

describe("the targets view", () => {
  it("shows 莲都's ranked candidates with score breakdown, the route, and marks synthetic firms", async () => {
    await page.goto(`${app.base}/#/targets?chain=chain:beauty-health&region=region:lianzhou`);
    await page
      .locator(".target")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    const ranks = await page.locator(".target .rank").allTextContents();
    expect(ranks.slice(0, 3)).toEqual(["1", "2", "3"]);
    const scores = (await page.locator(".target .score").allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const firstReasons = await page.locator(".target").first().locator(".reasons li").allTextContents();
    expect(firstReasons.length).toBeGreaterThan(1);
    expect(firstReasons.every((r) => r.startsWith("+"))).toBe(true);
    expect(await page.locator(".badge-synthetic").count()).toBeGreaterThan(0);
    await page
      .locator(".route li")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    expect(await page.locator(".route-holder h2").textContent()).toBe("招商路线图");
    expect(await page.locator(".route li .hint").first().textContent()).toContain("补齐：");
    await page.locator(".target-button").first().click();
    await expect.poll(() => page.locator(".target.selected").count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "targets-lianzhou.png") });
  });
});
