import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firstAnswer } from "../helpers/answered.ts";
import { bearer, testSecurity } from "../helpers/auth.ts";
import { seriousViolations } from "../helpers/axe.ts";
import { useBrowserApp } from "../helpers/browser-app.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * The 现状 vs 远景 view and the 韧性 view in real Chromium on the demo data: a saved scenario
 * opened from its link shows completeness before → after, the gaps it closes and what it adds
 * (dashed); the resilience view ranks local firms. Both pass axe-core with no critical or serious
 * violation.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";
const graph = testGraph();
const app = useBrowserApp({ artifacts: ARTIFACTS, config: { security: testSecurity() }, graph });
let page: Page;
let scenarioId = "";
let missingSegment = "";

beforeAll(async () => {
  const served = app.served;
  const answer = await firstAnswer(served.app, { url: `/api/chains/${CHAIN}/gaps?region=${REGION}`, headers: bearer("viewer") });
  expect(answer.statusCode, answer.body).toBe(200);
  const gaps = answer.json();
  missingSegment = gaps.findings.find((f: { kind: string }) => f.kind === "missing-segment").segment;
  const created = await served.app.inject({
    method: "POST",
    url: "/api/scenarios",
    headers: bearer("editor"),
    payload: {
      name: "引进一家示范企业",
      chain: CHAIN,
      region: REGION,
      changes: [{ kind: "add-firm", name: "远景示范企业", nameEn: "Vision demo firm", segment: missingSegment, aboveScale: true }],
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  scenarioId = created.json().id;
}, 600_000);

beforeEach(async () => {
  page = await app.open();
});

// Runs before the helper closes the app (after-hooks run in reverse order of registration).
afterAll(async () => {
  if (scenarioId) await app.served.app.inject({ method: "DELETE", url: `/api/scenarios/${scenarioId}`, headers: bearer("editor") });
});

describe("现状 vs 远景", () => {
  it("opens a shared scenario link: completeness before → after, the closed gap, the added firm dashed", async () => {
    await page.goto(`${app.base}/#/scenario?chain=${CHAIN}&region=${REGION}&scenario=${scenarioId}`);
    await page.locator(".scenario-column.vision").waitFor({ timeout: scaledTimeout(60_000) });
    const before = Number(await page.locator(".scenario-column.now .scenario-completeness strong").textContent());
    const after = Number(await page.locator(".scenario-column.vision .scenario-completeness strong").textContent());
    expect(after).toBeGreaterThan(before);
    expect(await page.locator(`.scenario-findings.closed [data-finding="missing-segment:${missingSegment}"]`).count()).toBe(1);
    const added = page.locator(".scenario-added li.dashed");
    expect(await added.allTextContents()).toEqual(["远景示范企业"]);
    expect(await added.first().evaluate((el) => getComputedStyle(el).borderStyle)).toContain("dashed");
    expect(await page.locator(".scenario-list a.active").textContent()).toBe("引进一家示范企业");
    await page.screenshot({ path: path.join(ARTIFACTS, "scenario-lianzhou.png"), fullPage: true });
    expect(await seriousViolations(page, "main")).toEqual([]);
  });

  it("speaks English when the link says so", async () => {
    await page.goto(`${app.base}/#/scenario?chain=${CHAIN}&region=${REGION}&scenario=${scenarioId}&lang=en`);
    await page.locator(".scenario-column.vision").waitFor({ timeout: scaledTimeout(60_000) });
    expect(await page.locator(".scenario-column.now h2").textContent()).toBe("Now");
    expect(await page.locator(".scenario-column.vision h2").textContent()).toBe("Vision");
  });
});

describe("韧性", () => {
  it("ranks the local firms by what breaks without them", async () => {
    await page.goto(`${app.base}/#/resilience?chain=${CHAIN}&region=${REGION}`);
    await page
      .locator(".resilience-table tbody tr")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    const scores = (await page.locator(".resilience-table tbody tr td:nth-child(2)").allTextContents()).map(Number);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(await page.locator("h1.view-title").last().textContent()).toBe("产业链韧性（卡脖子点）");
    await page.screenshot({ path: path.join(ARTIFACTS, "resilience-lianzhou.png"), fullPage: true });
    expect(await seriousViolations(page, "main")).toEqual([]);
  });
});
