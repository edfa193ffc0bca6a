import path from "node:path";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { bearer, testSecurity } from "../helpers/auth.ts";
import { lianzhouCollection } from "../helpers/boundary-fixtures.ts";
import { useBrowserApp } from "../helpers/browser-app.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * The 区域分布图 view in real Chromium: the schematic without a boundary, then the uploaded test
 * boundary (made-up squares) with a firm at its own coordinates, a cluster of the approximate
 * ones, details on click, and the 导出图表包 button downloading the pack.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const APPROVAL = "测试S(2026)002号";
const PLACED_FIRM = "firm:nice-group";
const graph = testGraph();
let page: Page;
const url = () => `${app.base}/#/distribution?chain=chain:beauty-health&region=region:lianzhou`;

const clearTestData = async () => {
  await graph.runRaw("MATCH (b:Boundary {region: 'region:lianzhou'}) DETACH DELETE b");
  await graph.runRaw("MATCH (f:Firm {id: $id}) REMOVE f.lng, f.lat", { id: PLACED_FIRM });
};

const app = useBrowserApp({
  artifacts: ARTIFACTS,
  config: { security: testSecurity() },
  graph,
  setUp: clearTestData,
  tearDown: clearTestData,
});
beforeEach(async () => {
  page = await app.open();
});

const waitForPicture = async () => {
  await page.locator("#distribution-map[data-ready='true'] svg").waitFor({ timeout: scaledTimeout(60_000) });
};

describe("the 区域分布图 view", () => {
  it("draws the schematic of the region tree when no boundary is uploaded", async () => {
    await page.goto(url());
    await waitForPicture();
    const tiles = await page
      .locator("#distribution-map [data-region-id]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-region-id")));
    expect(tiles).toContain("region:lianzhou");
    expect(tiles).toContain("region:bihu-town");
    expect(await page.locator("#distribution-map svg").textContent()).toContain("示意图");
    await page.screenshot({ path: path.join(ARTIFACTS, "distribution-schematic.png"), fullPage: true });
  });

  it("draws the uploaded boundary with its 审图号, opens a point's details and lists a cluster's points", async () => {
    const upload = await app.served.app.inject({
      method: "POST",
      url: "/api/regions/region:lianzhou/boundary",
      headers: bearer("admin"),
      payload: { crs: "WGS-84", approvalNumber: APPROVAL, data: lianzhouCollection() },
    });
    expect(upload.statusCode, upload.body).toBe(200);
    await graph.runRaw("MATCH (f:Firm {id: $id}) SET f.lng = 119.97, f.lat = 28.55", { id: PLACED_FIRM });

    await page.goto(url());
    await waitForPicture();
    const svgText = (await page.locator("#distribution-map svg").textContent()) ?? "";
    expect(svgText).toContain(`审图号：${APPROVAL}`);
    expect(await page.locator("#distribution-map path[data-region-id='region:bihu-town']").count()).toBe(1);

    await page.locator(`#distribution-map [data-node-id='${PLACED_FIRM}']`).click();
    await expect.poll(() => page.locator(".drawer.open").textContent()).toContain("纳爱斯");
    await expect.poll(() => page.url()).toContain(`sel=${PLACED_FIRM}`);

    // The firms without coordinates share their region's centre: one cluster, listed on click.
    const cluster = page.locator("#distribution-map [data-node-ids]").first();
    const members = ((await cluster.getAttribute("data-node-ids")) ?? "").split(" ");
    expect(members.length).toBeGreaterThanOrEqual(4);
    await cluster.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".cluster-list li").count()).toBe(members.length);
    await page.screenshot({ path: path.join(ARTIFACTS, "distribution-map.png"), fullPage: true });
  });

  it("downloads the 图表包 from the 导出图表包 button, saying what it is doing", async () => {
    await page.goto(url());
    await waitForPicture();
    const download = page.waitForEvent("download", { timeout: scaledTimeout(120_000) });
    await page.locator("[data-testid='pack-button']").click();
    await expect.poll(() => page.locator(".pack-status").textContent()).toContain("正在");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^莲都区-美丽健康产业链-图表包-\d{4}-\d{2}-\d{2}\.zip$/);
    await expect.poll(() => page.locator(".pack-status").textContent()).toContain("图表包已下载");
  });
});
