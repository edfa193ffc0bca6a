import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage } from "../../scripts/chromium.ts";
import { removeSynthetic } from "../../seeds/synthetic/remove.ts";
import { loadDemoOutsideFirms } from "../../server/seed/demo-outside.ts";
import { firstAnswer } from "../helpers/answered.ts";
import { bearer, TEST_TOKENS, testSecurity } from "../helpers/auth.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";
import { type ServedWebApp, serveWebApp } from "../helpers/web-app.ts";

/**
 * Creating a scenario in the UI, in real Chromium on the demo data (with its synthetic outside
 * firms as candidates): a planner adds a ranked
 * candidate to a scenario from the targets view (加入远景方案), names the scenario in the editor,
 * adds and removes another change, types the editor token and saves; the saved scenario opens
 * with the missing segment closed, completeness before → after, the recruited firm dashed, and a
 * link to share. A viewer token is refused with a message and nothing is saved.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";
const graph = testGraph();
let served: ServedWebApp;
let browser: Browser;
let page: Page;
let gapSegment = "";
const saved: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The demo's outside firms (the opt-in synthetic layer, marked as examples): the candidates to recruit.
  await removeSynthetic(graph);
  await loadDemoOutsideFirms(graph);
  served = await serveWebApp({ security: testSecurity() });
  browser = await launchChromium();
  const answer = await firstAnswer(served.app, { url: `/api/chains/${CHAIN}/gaps?region=${REGION}`, headers: bearer("viewer") });
  expect(answer.statusCode, answer.body).toBe(200);
  const missing = (answer.json().findings as { kind: string; segment: string }[]).filter((f) => f.kind === "missing-segment");
  // A missing segment with ranked candidates: the one a planner would recruit into.
  for (const f of missing) {
    const targets = await served.app.inject({
      url: `/api/chains/${CHAIN}/targets?region=${REGION}&segment=${f.segment}&limit=1`,
      headers: bearer("viewer"),
    });
    if (targets.json().targets?.length > 0) {
      gapSegment = f.segment;
      break;
    }
  }
  expect(gapSegment, "the demo region has a missing segment with candidates").not.toBe("");
  page = await openPage(browser);
}, 600_000);

afterAll(async () => {
  for (const id of saved) await served?.app.inject({ method: "DELETE", url: `/api/scenarios/${id}`, headers: bearer("editor") });
  await page?.context().close();
  await browser?.close();
  await served?.close();
  await removeSynthetic(graph);
  await graph.driver.close();
});

const changeItems = () => page.locator(".scenario-changes li[data-kind]");

describe("creating a scenario in the UI", () => {
  it("recruits a candidate from the targets view, saves it with the editor token, and shows what it closes", async () => {
    await page.goto(`${served.base}/#/targets?chain=${CHAIN}&region=${REGION}&segment=${gapSegment}`);
    const first = page.locator(".targets .target").first();
    await first.waitFor({ timeout: scaledTimeout(60_000) });
    const firmId = (await first.getAttribute("data-id"))!;
    const firmName = (await first.locator(".target-name").textContent())!;
    await first.locator(".recruit-button").click();

    await page.locator("#scenario-name").waitFor({ timeout: scaledTimeout(60_000) });
    expect(page.url()).toContain("#/scenario");
    expect(await changeItems().count()).toBe(1);
    expect(await changeItems().first().textContent()).toContain(firmName);

    // Another change, then taken out again: only the recruitment stays.
    await page.selectOption("#scenario-kind", "remove-firm");
    const firmOptions = await page.locator("#scenario-firm option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await page.selectOption("#scenario-firm", firmOptions[1]!);
    await page.click("#scenario-add-change");
    expect(await changeItems().count()).toBe(2);
    expect(await changeItems().nth(1).getAttribute("data-kind")).toBe("remove-firm");
    await changeItems().nth(1).locator(".remove-change").click();
    expect(await changeItems().count()).toBe(1);

    // A viewer's token is refused in plain words; nothing is saved.
    await page.fill("#scenario-name", "引进一家候选企业");
    await page.fill("#import-token", TEST_TOKENS.viewer);
    await page.click("#scenario-save");
    await page.locator(".scenario-status .error-box").waitFor({ timeout: scaledTimeout(30_000) });
    expect(page.url()).not.toContain("scenario=");

    await page.fill("#import-token", TEST_TOKENS.editor);
    const mapUnderScenario = page.waitForResponse((r) => r.url().includes("/map?") && r.url().includes("scenario="), {
      timeout: scaledTimeout(60_000),
    });
    await page.click("#scenario-save");
    await page.locator(".scenario-column.vision").waitFor({ timeout: scaledTimeout(60_000) });
    const id = /scenario=(scenario-[a-z0-9-]+)/.exec(page.url())?.[1];
    expect(id, "the saved scenario is in the URL").toBeTruthy();
    saved.push(id!);

    const stored = await served.app.inject({ url: `/api/scenarios/${id}`, headers: bearer("viewer") });
    expect(stored.json()).toMatchObject({
      name: "引进一家候选企业",
      chain: CHAIN,
      region: REGION,
      changes: [{ kind: "add-firm", firm: firmId, segment: gapSegment }],
    });
    const before = Number(await page.locator(".scenario-column.now .scenario-completeness strong").textContent());
    const after = Number(await page.locator(".scenario-column.vision .scenario-completeness strong").textContent());
    expect(after).toBeGreaterThan(before);
    expect(await page.locator(`.scenario-findings.closed [data-finding="missing-segment:${gapSegment}"]`).count()).toBe(1);
    const added = page.locator(`.scenario-added li.dashed[data-added="${firmId}"]`);
    expect(await added.textContent()).toBe(firmName);
    expect(await added.evaluate((el) => getComputedStyle(el).borderStyle)).toContain("dashed");
    // The map drawn is the scenario's: the recruited firm comes marked as a scenario piece (dashed on the canvas).
    const map = await (await mapUnderScenario).json();
    expect(map.elements.nodes.find((n: { data: { id: string } }) => n.data.id === firmId)?.data.scenario).toBe(true);
    expect(await page.locator("#scenario-share").inputValue()).toContain(`scenario=${id}`);
    await page.screenshot({ path: path.join(ARTIFACTS, "scenario-editor-saved.png"), fullPage: true });

    // Resilience under the scenario: the page names it, and the recruited firm is knocked out as a local one.
    const resilienceAnswer = page.waitForResponse((r) => r.url().includes("/resilience?") && r.url().includes(`scenario=${id}`), {
      timeout: scaledTimeout(60_000),
    });
    await page.click(`a[href*="#/resilience"][href*="scenario=${id}"]`);
    await page.locator(".scenario-notice").waitFor({ timeout: scaledTimeout(60_000) });
    expect(await page.locator(".scenario-notice").textContent()).toContain("引进一家候选企业");
    const report = await (await resilienceAnswer).json();
    expect(report.critical.map((c: { firm: string }) => c.firm)).toContain(firmId);
  });

  it("opens the shared link in a fresh page and edits the scenario: a rename saved in place", async () => {
    const id = saved[0]!;
    const other = await openPage(browser);
    try {
      await other.goto(`${served.base}/#/scenario?chain=${CHAIN}&region=${REGION}&scenario=${id}`);
      await other.locator("#scenario-edit").waitFor({ timeout: scaledTimeout(60_000) });
      await other.click("#scenario-edit");
      await other.locator("#scenario-name").waitFor({ timeout: scaledTimeout(60_000) });
      expect(await other.locator(".scenario-changes li[data-kind]").count()).toBe(1);
      await other.fill("#scenario-name", "引进一家候选企业（修订）");
      await other.fill("#import-token", TEST_TOKENS.editor);
      await other.click("#scenario-save");
      await other.locator(".scenario-column.vision").waitFor({ timeout: scaledTimeout(60_000) });
      expect(await other.locator("h1.view-title").last().textContent()).toBe("引进一家候选企业（修订）");
      const stored = await served.app.inject({ url: `/api/scenarios/${id}`, headers: bearer("viewer") });
      expect(stored.json().name).toBe("引进一家候选企业（修订）");
    } finally {
      await other.context().close();
    }
  });
});
