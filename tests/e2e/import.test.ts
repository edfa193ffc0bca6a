import path from "node:path";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { TEST_TOKENS, testSecurity } from "../helpers/auth.ts";
import { useBrowserApp } from "../helpers/browser-app.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * The import view in a real headless Chromium against the real app with an editor token
 * configured: a planner downloads nothing, types the token, picks a CSV, dry-runs, applies,
 * sees the firms in Neo4j, reverts, and is told plainly what is wrong with a bad file.
 * Every step leaves a screenshot under test-artifacts/e2e/. The browser is shared; each test opens
 * its own page (fresh session storage, so no token) and types what it needs, so any one runs alone.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const P = `t-webimport-${Date.now().toString(36)}`;
const FIRMS_CSV = [
  "编号 (id),名称 (name),标签 (tags),备注 (note)",
  `firm:${P}-a,网页导入测试甲公司,规上,浏览器导入测试数据`,
  `firm:${P}-b,网页导入测试乙公司,,浏览器导入测试数据`,
].join("\r\n");
const EDITED_FIRMS_CSV = FIRMS_CSV.replace("网页导入测试甲公司", "网页导入测试甲公司（改名）");
const MISSING_SEGMENT = `segment:${P}-missing`;
const BAD_TIES_CSV = [
  "关系类型 (type),起点编号 (from),终点编号 (to),备注 (note)",
  `IN_SEGMENT,firm:nice-group,${MISSING_SEGMENT},浏览器导入测试数据`,
].join("\r\n");

const graph = testGraph();
const batches: string[] = [];
let page: Page;
let base: string;
const cspViolations: string[] = [];

async function shot(name: string, focus?: string) {
  if (focus) await page.locator(focus).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function chooseFile(name: string, text: string) {
  await page.setInputFiles("#import-files", { name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

/** The import view in this test's page, with the token typed when one is given. */
async function openImport(token?: string) {
  await page.goto(`${base}/#/import`);
  await page.locator("#import-token").waitFor();
  if (token) await page.fill("#import-token", token);
}

const importedFirms = async () =>
  (await graph.runRaw("MATCH (f:Firm) WHERE f.id STARTS WITH $p RETURN f.name AS name ORDER BY name", { p: `firm:${P}` })).map(
    (row) => row.name,
  );

const app = useBrowserApp({
  artifacts: ARTIFACTS,
  config: { security: testSecurity() },
  graph,
  tearDown: async () => {
    await graph.runRaw("MATCH (f:Firm) WHERE f.id STARTS WITH $p DETACH DELETE f", { p: `firm:${P}` });
    await graph.runRaw("MATCH (n) WHERE (n:ImportBatch AND n.id IN $ids) OR (n:ImportUndo AND n.batch IN $ids) DETACH DELETE n", {
      ids: batches,
    });
    await graph.runRaw("MATCH (a:AuditEntry) WHERE a.route STARTS WITH '/api/import' DETACH DELETE a");
  },
});

beforeEach(async () => {
  base = app.base;
  page = await app.open();
  // The view must live within the app's CSP (no inline styles or scripts): every violation is kept.
  await page.exposeFunction("__reportCsp", (line: string) => cspViolations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { __reportCsp: (line: string) => void }).__reportCsp(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
});

describe("import view in Chromium", () => {
  it("opens from the nav tab with template links and Apply closed", async () => {
    await page.goto(`${base}/`);
    await page.locator('.tab[data-view="import"]').click();
    await expect.poll(() => page.url()).toContain("#/import");
    await page.locator("#import-token").waitFor();
    expect(await page.locator("#template-all").getAttribute("href")).toBe("/api/import/templates.xlsx");
    expect(await page.locator('.csv-link[data-kind="firms"]').getAttribute("href")).toBe("/api/import/templates/firms.csv");
    expect(await page.locator("#export-current").getAttribute("href")).toBe("/api/export/templates.xlsx");
    // The links point at live files: the server answers each with a spreadsheet.
    const csv = await page.request.get(`${base}/api/import/templates/firms.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("编号 (id)");
    expect(await page.locator("#import-apply").isDisabled()).toBe(true);
    expect(await page.locator("#import-dry-run").isDisabled()).toBe(true);
    await expect.poll(() => page.locator("#import-batches .loading").count(), { timeout: scaledTimeout(15_000) }).toBe(0);
    expect(await page.locator("#import-batches .error-box").count(), "the recent imports list loads").toBe(0);
    await shot("import-01-view");
  });

  it("explains a missing or viewer token in plain words", async () => {
    await openImport();
    await chooseFile("firms.csv", FIRMS_CSV);
    await page.locator("#import-dry-run").click();
    await expect.poll(() => page.locator("#import-report .error-box").textContent()).toContain("需要编辑权限的令牌");
    await shot("import-02-no-token", "#import-report");

    await page.fill("#import-token", TEST_TOKENS.viewer);
    await page.locator("#import-dry-run").click();
    await expect.poll(() => page.locator("#import-report .error-box").textContent()).toContain("只读（viewer）令牌不行");
    expect(await page.locator("#import-apply").isDisabled()).toBe(true);
  });

  it("dry-runs two firms with the editor token, applies them into Neo4j, and reverts them", async () => {
    await openImport(TEST_TOKENS.editor);
    await chooseFile("firms.csv", FIRMS_CSV);
    // Kept for this tab's session only, never in the URL.
    expect(await page.evaluate(() => sessionStorage.getItem("chain-atlas.import-token"))).toBe(TEST_TOKENS.editor);
    // localStorage holds only view preferences (last view, first-use hint), never the token.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(TEST_TOKENS.editor);
    expect(page.url()).not.toContain(TEST_TOKENS.editor);

    await page.locator("#import-dry-run").click();
    await expect.poll(() => page.locator("#import-message").getAttribute("data-ok"), { timeout: scaledTimeout(30_000) }).toBe("true");
    const created = page.locator('#import-counts tr[data-counts="entities"] td[data-status="created"]');
    expect(await created.textContent()).toBe("2");
    expect(await page.locator("#import-message").textContent()).toContain("预演通过");
    expect(await page.locator("#import-changes li").count()).toBe(2);
    expect(await page.locator("#import-changes").textContent()).toContain(`firm:${P}-a`);
    expect(await importedFirms(), "a dry run writes nothing").toEqual([]);
    expect(await page.locator("#import-apply").isDisabled()).toBe(false);
    await shot("import-03-dry-run", "#import-report");

    await page.locator("#import-apply").click();
    const batchId = page.locator("#import-batch-id");
    await batchId.waitFor({ timeout: scaledTimeout(30_000) });
    const id = (await batchId.textContent()) ?? "";
    expect(id).toMatch(/^import-/);
    batches.push(id);
    expect(await page.locator("#import-message").textContent()).toContain("已导入");
    expect(await importedFirms()).toEqual(["网页导入测试乙公司", "网页导入测试甲公司"]);
    expect(await page.locator("#import-apply").isDisabled(), "the same files are not applied twice").toBe(true);
    const row = page.locator(`#import-batch-table tr[data-batch="${id}"]`);
    await row.waitFor({ timeout: scaledTimeout(15_000) });
    expect(await row.getAttribute("data-status")).toBe("applied");
    await shot("import-04-applied", "#import-report");

    page.once("dialog", (dialog) => void dialog.accept());
    await row.locator("button.revert").click();
    await expect.poll(() => row.getAttribute("data-status"), { timeout: scaledTimeout(30_000) }).toBe("reverted");
    expect(await page.locator("#import-batch-status").textContent()).toContain(id);
    expect(await importedFirms()).toEqual([]);
    expect(await row.locator("button.revert").count(), "a reverted batch offers no second revert").toBe(0);
    await shot("import-05-reverted", "#import-batch-table");
  });

  it("shows a file's problem row and keeps Apply closed", async () => {
    await openImport(TEST_TOKENS.editor);
    await chooseFile("ties.csv", BAD_TIES_CSV);
    expect(await page.locator("#import-apply").isDisabled()).toBe(true);
    await page.locator("#import-dry-run").click();
    await expect.poll(() => page.locator("#import-message").getAttribute("data-ok"), { timeout: scaledTimeout(30_000) }).toBe("false");
    const problem = page.locator("#import-problems tbody tr.problem-error").first();
    const cells = await problem.locator("td").allTextContents();
    expect(cells.slice(0, 5)).toEqual(["错误", "ties.csv", "—", "2", "to"]);
    expect(cells[5]).toContain(MISSING_SEGMENT);
    expect(await page.locator("#import-apply").isDisabled()).toBe(true);
    expect(await page.locator("#import-apply-reason").getAttribute("data-reason")).toBe("import.fixProblems");
    await shot("import-06-problems", "#import-report");
  });

  it("refuses to revert an import a later one built on, says so plainly, and reverts in the right order", async () => {
    await openImport(TEST_TOKENS.editor);
    const applyFile = async (name: string, text: string) => {
      await chooseFile(name, text);
      await page.locator("#import-dry-run").click();
      await expect.poll(() => page.locator("#import-apply").isDisabled(), { timeout: scaledTimeout(30_000) }).toBe(false);
      await page.locator("#import-apply").click();
      await expect.poll(() => page.locator("#import-batch-id").textContent(), { timeout: scaledTimeout(30_000) }).toMatch(/^import-/);
      const id = (await page.locator("#import-batch-id").textContent()) ?? "";
      batches.push(id);
      await page.locator(`#import-batch-table tr[data-batch="${id}"]`).waitFor({ timeout: scaledTimeout(15_000) });
      return id;
    };
    const revertInPage = async (id: string) => {
      page.once("dialog", (dialog) => void dialog.accept());
      await page.locator(`#import-batch-table tr[data-batch="${id}"] button.revert`).click();
    };
    const first = await applyFile("firms.csv", FIRMS_CSV);
    const second = await applyFile("firms-edited.csv", EDITED_FIRMS_CSV);
    expect(await importedFirms()).toContain("网页导入测试甲公司（改名）");

    await revertInPage(first);
    const status = page.locator("#import-batch-status .error-box");
    await expect
      .poll(() => status.textContent(), { timeout: scaledTimeout(30_000) })
      .toContain("无法撤销：这次导入涉及的记录之后又被改动了。请先撤销较新的导入");
    expect(await status.textContent()).toContain(`firm:${P}-a`);
    expect(await page.locator(`#import-batch-table tr[data-batch="${first}"]`).getAttribute("data-status")).toBe("applied");
    await shot("import-07-revert-conflict", "#import-batch-table");

    await revertInPage(second);
    await expect
      .poll(() => page.locator(`#import-batch-table tr[data-batch="${second}"]`).getAttribute("data-status"), {
        timeout: scaledTimeout(30_000),
      })
      .toBe("reverted");
    await revertInPage(first);
    await expect
      .poll(() => page.locator(`#import-batch-table tr[data-batch="${first}"]`).getAttribute("data-status"), {
        timeout: scaledTimeout(30_000),
      })
      .toBe("reverted");
    expect(await importedFirms()).toEqual([]);
  });

  it("reads in English and keeps the token for the session across views", async () => {
    await openImport(TEST_TOKENS.editor);
    await page.locator('.tab[data-view="map"]').click();
    await expect.poll(() => page.url()).toContain("#/map");
    await page.locator('.tab[data-view="import"]').click();
    await page.locator("#import-token").waitFor();
    await page.locator(".lang-switch").click();
    await expect.poll(() => page.locator('.tab[data-view="import"]').textContent()).toBe("Import");
    expect(await page.locator("#import-dry-run").textContent()).toBe("Dry run");
    expect(await page.locator("#import-apply-reason").textContent()).toBe("Choose the files to import first.");
    expect(await page.locator("#import-token").inputValue()).toBe(TEST_TOKENS.editor);
    await shot("import-08-english");
    await page.locator(".lang-switch").click();
    expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
  });
});
