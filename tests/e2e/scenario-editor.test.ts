import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, TEST_TOKENS, testSecurity } from "../helpers/auth.ts";
import { useBrowserApp, withDemoOutsideFirms } from "../helpers/browser-app.ts";
import { gapWithCandidate } from "../helpers/gap-candidate.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * Creating a scenario in the UI, in real Chromium on the demo data (with its synthetic outside
 * firms as candidates): a planner adds a ranked
 * candidate to a scenario from the targets view (加入远景方案), names the scenario in the editor,
 * adds and removes another change, types the editor token and saves; the saved scenario opens
 * with the missing segment closed, completeness before → after, the recruited firm dashed, and a
 * link to share. A viewer token is refused with a message and nothing is saved. The other kinds
 * of change are each made in the editor and saved: a project starting to operate, a supply tie,
 * a chain leader withdrawn, each with what the saved scenario shows changed.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";
const app = useBrowserApp({ config: { security: testSecurity() }, artifacts: ARTIFACTS, ...withDemoOutsideFirms(testGraph()) });
let gapSegment = "";
const saved: string[] = [];

beforeAll(async () => {
  gapSegment = (await gapWithCandidate(app.served.app, CHAIN, REGION)).segment;
}, 600_000);

// Runs before the app is closed (after-hooks run last-registered first).
afterAll(async () => {
  for (const id of saved) await app.served.app.inject({ method: "DELETE", url: `/api/scenarios/${id}`, headers: bearer("editor") });
});

const changeItems = (page: Page) => page.locator(".scenario-changes li[data-kind]");

describe("creating a scenario in the UI", () => {
  it("recruits a candidate from the targets view, saves it with the editor token, and shows what it closes", async () => {
    const page = await app.open(`#/targets?chain=${CHAIN}&region=${REGION}&segment=${gapSegment}`);
    const first = page.locator(".targets .target").first();
    await first.waitFor({ timeout: scaledTimeout(60_000) });
    const firmId = (await first.getAttribute("data-id"))!;
    const firmName = (await first.locator(".target-name").textContent())!;
    await first.locator(".recruit-button").click();

    await page.locator("#scenario-name").waitFor({ timeout: scaledTimeout(60_000) });
    expect(page.url()).toContain("#/scenario");
    expect(await changeItems(page).count()).toBe(1);
    expect(await changeItems(page).first().textContent()).toContain(firmName);

    // Another change, then taken out again: only the recruitment stays.
    await page.selectOption("#scenario-kind", "remove-firm");
    const firmOptions = await page.locator("#scenario-firm option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    await page.selectOption("#scenario-firm", firmOptions[1]!);
    await page.click("#scenario-add-change");
    expect(await changeItems(page).count()).toBe(2);
    expect(await changeItems(page).nth(1).getAttribute("data-kind")).toBe("remove-firm");
    await changeItems(page).nth(1).locator(".remove-change").click();
    expect(await changeItems(page).count()).toBe(1);

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

    const stored = await app.served.app.inject({ url: `/api/scenarios/${id}`, headers: bearer("viewer") });
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
    const other = await app.open(`#/scenario?chain=${CHAIN}&region=${REGION}&scenario=${id}`);
    await other.locator("#scenario-edit").waitFor({ timeout: scaledTimeout(60_000) });
    await other.click("#scenario-edit");
    await other.locator("#scenario-name").waitFor({ timeout: scaledTimeout(60_000) });
    expect(await other.locator(".scenario-changes li[data-kind]").count()).toBe(1);
    await other.fill("#scenario-name", "引进一家候选企业（修订）");
    await other.fill("#import-token", TEST_TOKENS.editor);
    await other.click("#scenario-save");
    await other.locator(".scenario-column.vision").waitFor({ timeout: scaledTimeout(60_000) });
    expect(await other.locator("h1.view-title").last().textContent()).toBe("引进一家候选企业（修订）");
    const stored = await app.served.app.inject({ url: `/api/scenarios/${id}`, headers: bearer("viewer") });
    expect(stored.json().name).toBe("引进一家候选企业（修订）");
  });
});

/**
 * One change made in the editor from 新建远景方案, named and saved with the editor token: the page
 * of the saved scenario, its id kept for clean-up, and the chain map it drew under the scenario.
 */
async function saveOneChange(name: string, makeChange: (page: Page) => Promise<void>) {
  const page = await app.open(`#/scenario?chain=${CHAIN}&region=${REGION}`);
  await page.locator("#scenario-new").click({ timeout: scaledTimeout(60_000) });
  await page.locator("#scenario-name").waitFor({ timeout: scaledTimeout(60_000) });
  await makeChange(page);
  await page.click("#scenario-add-change");
  expect(await changeItems(page).count(), `${name}: the change is listed`).toBe(1);
  await page.fill("#scenario-name", name);
  await page.fill("#import-token", TEST_TOKENS.editor);
  const map = page.waitForResponse((r) => r.url().includes("/map?") && r.url().includes("scenario="), { timeout: scaledTimeout(60_000) });
  await page.click("#scenario-save");
  await page.locator(".scenario-column.vision").waitFor({ timeout: scaledTimeout(60_000) });
  const id = /scenario=(scenario-[a-z0-9-]+)/.exec(page.url())?.[1];
  expect(id, `${name}: the saved scenario is in the URL`).toBeTruthy();
  saved.push(id!);
  const stored = await app.served.app.inject({ url: `/api/scenarios/${id}`, headers: bearer("viewer") });
  const mapAnswer = (await (await map).json()) as {
    elements: {
      nodes: { data: { id: string; scenario?: boolean } }[];
      edges: { data: { source: string; target: string; scenario?: boolean } }[];
    };
  };
  return { page, stored: stored.json() as { changes: unknown[] }, map: mapAnswer };
}

const findingIds = (page: Page, list: "closed" | "opened") =>
  page.locator(`.scenario-findings.${list} li`).evaluateAll((lis) => lis.map((li) => li.getAttribute("data-finding") ?? ""));

describe("the other kinds of change, each made in the editor", () => {
  it("a project starting to operate: 翰尔西's planned base is counted as a local firm of the scenario", async () => {
    const project = "project:hanerxi-pen-injector-hq";
    const { page, stored, map } = await saveOneChange("翰尔西项目投产", async (p) => {
      await p.selectOption("#scenario-kind", "promote-project");
      await p.fill("#scenario-project-query", "翰尔西");
      await p.getByRole("button", { name: "查找", exact: true }).click();
      await p.locator(`#scenario-project option[value="${project}"]`).waitFor({ state: "attached", timeout: scaledTimeout(30_000) });
      await p.selectOption("#scenario-project", project);
    });
    expect(stored.changes).toEqual([{ kind: "promote-project", project }]);
    const added = page.locator(`.scenario-added li.dashed[data-added="${project}"]`);
    expect(await added.textContent()).toBe("翰尔西中国笔式注射器全自动生产线总部基地");
    expect(map.elements.nodes.find((n) => n.data.id === project)?.data.scenario, "drawn as a scenario piece").toBe(true);
  });

  it("a supply tie: 本润 supplying 绿谷生态 closes the herbs → TCM link that was not closed locally", async () => {
    const [from, to] = ["firm:benrun-agriculture", "firm:lvgu-ecology"];
    const { page, stored, map } = await saveOneChange("本润供货绿谷", async (p) => {
      await p.selectOption("#scenario-kind", "add-tie");
      await p.selectOption("#scenario-tie-from", from);
      await p.selectOption("#scenario-tie-to", to);
    });
    expect(stored.changes).toEqual([{ kind: "add-tie", from, to }]);
    const closed = await findingIds(page, "closed");
    expect(closed.filter((id) => id.startsWith("broken-link:") && id.endsWith(":segment:bh-tcm-herbs:segment:bh-tcm"))).toHaveLength(1);
    // The same herbs firm now sells locally, so its other flow's finding changes kind (sells outside → not closed); this one does not come back.
    expect((await findingIds(page, "opened")).filter((id) => id.endsWith(":segment:bh-tcm-herbs:segment:bh-tcm"))).toEqual([]);
    expect(await page.locator(".scenario-added li.dashed").count(), "the assumed tie is listed").toBe(1);
    expect(await page.locator(".scenario-added li.dashed").innerText(), "by the names of its ends").toMatch(/本润.*→.*绿谷/);
    const tie = map.elements.edges.find((e) => e.data.source === from && e.data.target === to);
    expect(tie?.data.scenario, "the map draws the assumed tie as a scenario piece").toBe(true);
  });

  it("a leader withdrawn: without 纳爱斯 the region has no chain leader, and the single-leader finding goes", async () => {
    const leader = "firm:nice-group";
    const { page, stored } = await saveOneChange("纳爱斯不再任链主", async (p) => {
      await p.selectOption("#scenario-kind", "remove-leader");
      await p.selectOption("#scenario-firm", leader);
    });
    expect(stored.changes).toEqual([{ kind: "remove-leader", firm: leader }]);
    expect(await findingIds(page, "opened")).toContain("no-leader");
    expect(await findingIds(page, "closed")).toContain("single-leader");
    expect(await page.locator(".scenario-column.vision h3", { hasText: "远景中不再是链主的企业" }).count()).toBe(1);
    // Named, not shown as the firm's id.
    expect(await page.locator(`li[data-firm="${leader}"]`).innerText()).toContain("纳爱斯");
  });
});
