import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { targetsSchema } from "../../model/api/analysis.ts";
import { REPORT_TARGETS } from "../../model/report-outline.ts";
import { testSecurity } from "../helpers/auth.ts";
import { useBrowserApp, withDemoOutsideFirms } from "../helpers/browser-app.ts";
import { testGraph } from "../helpers/graph.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";
import { parsePdf } from "../helpers/pdf.ts";

/**
 * The report view in real Chromium, on the demo with its synthetic outside firms (so the chain has
 * candidates): its targets are the one ranking the PDF lists, and 下载 PDF downloads the server's
 * PDF report while printing stays available.
 */
const app = useBrowserApp({ config: { security: testSecurity() }, ...withDemoOutsideFirms(testGraph()) });
const REPORT = "#/report?chain=chain:beauty-health&region=region:lianzhou";

describe("the report view's targets", () => {
  it("lists the ranked targets over every gap segment, in the API's order, with the gaps each closes", async () => {
    const page = await app.open(REPORT);
    await page.locator('article.report[data-ready="true"]').waitFor({ timeout: scaledTimeout(90_000) });
    const response = await fetch(`${app.base}/api/chains/chain:beauty-health/targets?region=region:lianzhou&limit=${REPORT_TARGETS}`);
    const ranked = targetsSchema.parse(await response.json()).targets;
    expect(ranked.length, "the demo's outside firms give the chain candidates").toBeGreaterThan(0);
    const rows = await page
      .locator(".report-targets tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(rows.map((cells) => cells[0])).toEqual(ranked.map((t) => String(t.rank)));
    expect(rows.map((cells) => cells[1])).toEqual(ranked.map((t) => t.firm.label));
    for (const cells of rows) expect(cells[2], "every target names a gap it closes").not.toBe("");
  });

  it("says the ranking could not be read when GET /targets fails, rather than that there are no targets", async () => {
    const page = await app.open();
    let refused = 0;
    // The browser's own request is refused as a server under strain answers it; the rest of the report loads.
    await page.route(/\/api\/chains\/[^/]+\/targets\?/, (route) => {
      refused += 1;
      return route.fulfill({
        status: 503,
        headers: { "content-type": "application/json", "retry-after": "5" },
        body: JSON.stringify({ statusCode: 503, error: "Service Unavailable", message: "The graph database is not reachable right now" }),
      });
    });
    await page.goto(`${app.base}/${REPORT}`);
    await page.locator('article.report[data-ready="true"]').waitFor({ timeout: scaledTimeout(90_000) });
    expect(refused, "the report asked for the ranking").toBeGreaterThan(0);
    const section = page.locator(".report-targets");
    expect(await section.locator("p.muted").textContent()).toBe("招商目标暂时无法读取，请稍后刷新本页。");
    expect(await section.textContent()).not.toContain("没有找到");
    expect(await section.locator("tbody tr").count()).toBe(0);
    expect(await page.locator(".report-findings, .report-cover").count(), "the rest of the report is there").toBeGreaterThan(0);
  });
});

describe("the report view's PDF button", () => {
  it("downloads the server's PDF report of the chain in the region, saying what it is doing", async () => {
    const page = await app.open(REPORT);
    await page.locator('article.report[data-ready="true"]').waitFor({ timeout: scaledTimeout(90_000) });
    expect(await page.locator("#report-print").isVisible(), "printing stays available").toBe(true);
    const download = page.waitForEvent("download", { timeout: scaledTimeout(120_000) });
    await page.locator("#report-pdf").click();
    await expect.poll(() => page.locator(".report-actions .pack-status").first().textContent()).toContain("正在生成 PDF");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^莲都区-美丽健康产业链-分析报告-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = await readFile((await file.path()) as string);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = await parsePdf(bytes);
    expect(pdf.pages[0]).toContain("莲都区美丽健康产业链分析报告");
    expect(pdf.outline).toContain("短板问题（按优先级）");
    await expect.poll(() => page.locator(".report-actions .pack-status").first().textContent()).toContain("PDF 报告已下载");
  });
});
