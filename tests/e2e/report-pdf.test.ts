import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, openPage } from "../../scripts/chromium.ts";
import { testSecurity } from "../helpers/auth.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";
import { parsePdf } from "../helpers/pdf.ts";
import { type ServedWebApp, serveWebApp } from "../helpers/web-app.ts";

/** The report view's 下载 PDF button in real Chromium: it downloads the server's PDF report, and printing stays available. */
let served: ServedWebApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  served = await serveWebApp({ security: testSecurity() });
  browser = await launchChromium();
  page = await openPage(browser);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await served?.close();
});

describe("the report view's PDF button", () => {
  it("downloads the server's PDF report of the chain in the region, saying what it is doing", async () => {
    await page.goto(`${served.base}/#/report?chain=chain:beauty-health&region=region:lianzhou`);
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
