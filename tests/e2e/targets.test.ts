import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { bearer, testSecurity } from "../helpers/auth.ts";
import { useBrowserApp, withDemoOutsideFirms } from "../helpers/browser-app.ts";
import { gapWithCandidate } from "../helpers/gap-candidate.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * The targets view in real Chromium on the demo data with the opt-in synthetic outside-firms
 * layer: ranked candidates with rank, score and the breakdown of reasons, the 招商路线图, and the
 * synthetic firms marked as examples; the scenario picker (按远景方案计算), kept in the URL.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const graph = testGraph();
const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";
const app = useBrowserApp({
  config: { security: testSecurity() },
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

const savedScenarios: string[] = [];
// Runs before the app is closed (after-hooks run last-registered first).
afterAll(async () => {
  for (const id of savedScenarios)
    await app.served.app.inject({ method: "DELETE", url: `/api/scenarios/${id}`, headers: bearer("editor") });
});

describe("the targets view under a scenario", () => {
  it("ranks under the scenario chosen in the picker, keeps it in the URL, and goes back to the current state", async () => {
    const { segment, firm } = await gapWithCandidate(app.served.app, CHAIN, REGION);
    const created = await app.served.app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: bearer("editor"),
      payload: { name: "引进首选候选", chain: CHAIN, region: REGION, changes: [{ kind: "add-firm", firm, segment }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    savedScenarios.push(id);

    await page.goto(`${app.base}/#/targets?chain=${CHAIN}&region=${REGION}&segment=${segment}`);
    await page.locator(`.target[data-id="${firm}"]`).waitFor({ timeout: scaledTimeout(60_000) });
    await page.locator(`#targets-scenario option[value="${id}"]`).waitFor({ state: "attached", timeout: scaledTimeout(30_000) });
    expect(await page.locator("#targets-scenario").inputValue(), "the current state by default").toBe("");
    expect(await page.locator('label[for="targets-scenario"] > span').textContent()).toBe("按远景方案计算");

    const underScenario = page.waitForResponse((r) => r.url().includes("/targets?") && r.url().includes(`scenario=${id}`), {
      timeout: scaledTimeout(60_000),
    });
    await page.selectOption("#targets-scenario", id);
    expect((await underScenario).status()).toBe(200);
    await expect.poll(() => page.url()).toContain(`scenario=${id}`);
    expect(await page.locator(".targets-scenario .scenario-notice").textContent()).toContain("引进首选候选");

    // The link reproduces the view, in English too: the recruited firm is local now, no longer a candidate for its segment.
    const shared = await app.open(`#/targets?chain=${CHAIN}&region=${REGION}&segment=${segment}&scenario=${id}&lang=en`);
    const targetsUnder = shared.waitForResponse(
      (r) => r.url().includes(`segment=${encodeURIComponent(segment)}`) && r.url().includes(`scenario=${id}`),
      {
        timeout: scaledTimeout(60_000),
      },
    );
    expect((await targetsUnder).status()).toBe(200);
    await expect.poll(() => shared.locator("#targets-scenario").inputValue()).toBe(id);
    expect(await shared.locator('label[for="targets-scenario"] > span').textContent()).toBe("Computed under a scenario");
    expect(await shared.locator(".targets-scenario .scenario-notice").textContent()).toContain("computed under the scenario");
    await expect.poll(() => shared.locator(".targets-list .target, .targets-list p.muted").count()).toBeGreaterThan(0);
    expect(await shared.locator(`.target[data-id="${firm}"]`).count(), "the recruited firm is not offered again").toBe(0);

    await shared.selectOption("#targets-scenario", "");
    await expect.poll(() => shared.url()).not.toContain("scenario=");
    expect(await shared.locator(".targets-scenario .scenario-notice").count()).toBe(0);
  });
});
