import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { TEST_TOKENS, testSecurity } from "../helpers/auth.ts";
import { useBrowserApp } from "../helpers/browser-app.ts";
import { testGraph } from "../helpers/graph.ts";
import { graphChecksum } from "../helpers/graph-checksum.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * A county office's 企业名录 (tests/fixtures/planner-workbook) dry-run in the web Import view, in
 * real headless Chromium: the report lists the sheets, the rows matched to existing records and
 * writes nothing. The screenshot it leaves (test-artifacts/e2e/import-flat-dry-run.png) is the one
 * docs/import.md shows.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const WORKBOOK = readFileSync(path.resolve("tests/fixtures/planner-workbook/企业名录.xlsx"));
const graph = testGraph();
const app = useBrowserApp({
  artifacts: ARTIFACTS,
  config: { security: testSecurity() },
  graph,
  tearDown: async () => {
    await graph.runRaw("MATCH (a:AuditEntry) WHERE a.route STARTS WITH '/api/import' DETACH DELETE a");
  },
});
let page: Page;

beforeEach(async () => {
  page = await app.open(undefined, { viewport: { width: 1400, height: 1100 } });
});

describe("a flat firm list in the import view", () => {
  it("dry-runs the office's workbook with no ids and says which rows match existing records", async () => {
    const before = await graphChecksum(graph);
    await page.goto(`${app.base}/#/import`);
    await page.locator("#import-token").waitFor();
    await page.fill("#import-token", TEST_TOKENS.editor);
    await page.setInputFiles("#import-files", {
      name: "企业名录.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: WORKBOOK,
    });
    await page.locator("#import-dry-run").click();
    await expect.poll(() => page.locator("#import-message").getAttribute("data-ok"), { timeout: scaledTimeout(60_000) }).toBe("true");
    const matches = (await page.locator("#import-matches").textContent()) ?? "";
    expect(matches).toContain("匹配已有 缙云县 (region:jinyun)");
    expect(matches).toContain("匹配已有 怡亚通 (firm:eternal-asia)");
    expect(Number(await page.locator('#import-counts tr[data-counts="entities"] td[data-status="created"]').textContent())).toBeGreaterThan(
      80,
    );
    expect(await graphChecksum(graph), "a dry run writes nothing").toEqual(before);
    await page.locator("#import-report").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "import-flat-dry-run.png"), fullPage: true });
  });
});
