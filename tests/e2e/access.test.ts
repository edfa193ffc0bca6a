import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.ts";
import { useBrowserApp } from "../helpers/browser-app.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * Compare, report and import in real Chromium on the demo data, at desktop (1440×900) and phone
 * (390×844) sizes: each passes axe-core with no critical or serious violation, the keyboard works
 * without a mouse (skip link, Escape, the graph's node list) and a phone gets a usable layout.
 * Screenshots land in test-artifacts/e2e/ (and the user guide's images come from them).
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const LIANZHOU = "chain=chain:beauty-health&region=region:lianzhou";

const app = useBrowserApp({ artifacts: ARTIFACTS });
let page: Page;

async function open(hash: string, viewport = DESKTOP): Promise<Page> {
  page = await app.open(hash, { viewport, acceptDownloads: true });
  return page;
}

async function expectAccessible(name: string) {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function shot(name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

describe("compare", () => {
  it("starts from the region's peers, adds any region, fits the width and passes axe", async () => {
    await open(`#/compare?${LIANZHOU}`);
    await page
      .locator(".heatmap tbody tr")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    const regions = await page.locator(".heatmap tbody th").allTextContents();
    expect(regions[0]).toBe("莲都区");
    // Peers are at 莲都区's level: never its own city or province, whose rows would repeat it.
    expect(regions).not.toContain("丽水市");
    expect(regions).not.toContain("浙江省");
    await page.selectOption("#compare-add", { label: "温江区" });
    await expect.poll(() => page.locator(".heatmap tbody th").allTextContents()).toContain("温江区");
    const fits = await page.evaluate(() => {
      const matrix = document.querySelector(".matrix") as HTMLElement;
      return matrix.scrollWidth <= matrix.clientWidth + 1;
    });
    expect(fits, "the heat map fits the width without sideways scrolling").toBe(true);
    await shot("compare-desktop");
    await expectAccessible("compare");
  });
});

describe("report", () => {
  it("puts title, figures and the map on page 1, has no English in Chinese, prints to PDF and passes axe", async () => {
    await open(`#/report?${LIANZHOU}`);
    await page.locator('article.report[data-ready="true"]').waitFor({ timeout: scaledTimeout(90_000) });
    const cover = page.locator(".report-cover");
    expect(await cover.locator("h1").textContent()).toBe("莲都区 · 美丽健康产业链 缺口报告");
    expect(await cover.locator(".figure").count()).toBe(6);
    expect(await cover.locator("img#report-diagram").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    for (const heading of ["问题清单", "招商目标", "本地供需对接", "资料来源"])
      expect(await page.locator(".report h2").allTextContents()).toContain(heading);
    // No English sentence in the Chinese report: English words of four letters or more are names at most.
    const text = ((await page.locator("article.report").textContent()) ?? "").replace(/Chain Atlas|PDF/g, "");
    const english = text.match(/[A-Za-z]{4,}(?: [A-Za-z]{2,}){2,}/g) ?? [];
    expect(english, "English phrases in the Chinese report").toEqual([]);
    await shot("report-desktop");
    await expectAccessible("report");

    // Printed on A4 landscape (273 × 186 mm inside the margins ≈ 1032 × 703 CSS px) page 1 holds the whole cover.
    await page.setViewportSize({ width: 1032, height: 703 });
    await page.emulateMedia({ media: "print" });
    const coverHeight = await cover.evaluate((el) => el.getBoundingClientRect().height);
    expect(coverHeight, "the cover fits one printed page").toBeLessThanOrEqual(703);
    const pdf = await page.pdf({ format: "A4", landscape: true, margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(1);
  });
});

describe("import", () => {
  it("passes axe at desktop and phone sizes", async () => {
    await open("#/import");
    await page.locator(".import-page").waitFor({ timeout: scaledTimeout(30_000) });
    await shot("import-desktop");
    await expectAccessible("import");
    await page.setViewportSize(PHONE);
    await shot("import-phone");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "no sideways scrolling at 390 px").toBeLessThanOrEqual(0);
    await expectAccessible("import at 390 px");
  });
});

describe("keyboard", () => {
  it("skips to the content without touching the link, and Escape closes menus and the details panel", async () => {
    await open(`#/map?${LIANZHOU}`);
    await page
      .locator(".finding-button")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    const before = page.url();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(page.url(), "the skip link keeps the view's link").toBe(before);
    expect(await page.locator("#pick-region").inputValue()).toBe("region:lianzhou");

    const menu = page.locator(".export-menu").first();
    await menu.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("open")).not.toBeNull();
    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("open")).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");

    // Enter on a finding selects it and redraws the list; focus stays on that finding.
    const finding = page.locator(".finding-button").first();
    const findingId = await finding.getAttribute("data-finding");
    await finding.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("finding=");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-finding"))).toBe(findingId);

    // The node list: every node on the canvas as a button; Enter opens its details like a click.
    await page.locator(".node-list-panel > summary").focus();
    await page.keyboard.press("Enter");
    const nice = page.locator('.node-list > li > .node-pick[data-node-id="firm:nice-group"]');
    await nice.waitFor();
    expect(await page.locator(".node-list > li").count()).toBeGreaterThan(10);
    await nice.focus();
    await page.keyboard.press("Enter");
    await page.locator('.drawer.open [data-node="firm:nice-group"]').waitFor({ timeout: scaledTimeout(60_000) });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".drawer.open").count()).toBe(0);
    expect(page.url()).not.toContain("sel=");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-node-id")), "focus stays on the list").toBe(
      "firm:nice-group",
    );
  });
});

describe("phone (390 and 360 px)", () => {
  it("folds the tabs into a menu, gives the graph the full width and shows details as a bottom sheet", async () => {
    for (const width of [390, 360]) {
      await open(`#/map?${LIANZHOU}&sel=firm:nice-group`, { width, height: 844 });
      await page.locator(".drawer.open").waitFor({ timeout: scaledTimeout(60_000) });
      expect(await page.locator(".tabs").isVisible()).toBe(false);
      await page.locator(".nav-toggle").click();
      expect(await page.locator(".tabs").isVisible()).toBe(true);
      expect(await page.locator(".nav-toggle").getAttribute("aria-expanded")).toBe("true");
      const tabHeights = await page.locator(".tab").evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().height));
      expect(Math.max(...tabHeights), "a tab is one line, not a character per line").toBeLessThan(60);
      if (width === 390) await shot("map-phone-menu");
      await page.keyboard.press("Escape");
      expect(await page.locator(".tabs").isVisible()).toBe(false);

      const graphWidth = await page.locator(".stage").evaluate((el) => el.getBoundingClientRect().width);
      expect(graphWidth, "the graph takes the screen's width").toBeGreaterThanOrEqual(width - 2);
      const sheet = await page.locator(".drawer.open").evaluate((el) => {
        const box = el.getBoundingClientRect();
        return { bottom: box.bottom, width: box.width, position: getComputedStyle(el).position };
      });
      expect(sheet.position).toBe("fixed");
      expect(Math.abs(sheet.bottom - 844)).toBeLessThanOrEqual(1);
      expect(sheet.width).toBeGreaterThanOrEqual(width - 2);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
      if (width === 390) await shot("map-phone-sheet");
      await page.context().close();
    }
  });

  it("compare and report are usable at 390 px and pass axe", async () => {
    await open(`#/compare?${LIANZHOU}`, PHONE);
    await page
      .locator(".heatmap tbody tr")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot("compare-phone");
    await expectAccessible("compare at 390 px");
    await page.goto(`${app.base}/#/report?${LIANZHOU}`);
    await page.locator('article.report[data-ready="true"]').waitFor({ timeout: scaledTimeout(90_000) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot("report-phone");
    await expectAccessible("report at 390 px");
  });
});

describe("paths", () => {
  it("skips regions by default, lists the steps as text, and goes through hubs only when asked", async () => {
    await open("#/explore?focus=firm:nice-group&from=firm:nice-group&to=firm:xueshi-medical");
    const status = page.locator(".view-explore .status-line");
    // Both firms sit in 莲都区; through it they are trivially "connected", so by default no path.
    await expect.poll(() => status.textContent(), { timeout: scaledTimeout(60_000) }).toContain("不经过区域");
    await page.locator("#path-hubs").check();
    await expect.poll(() => page.url()).toContain("via=hubs");
    await page
      .locator(".path-steps li")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    expect(await page.locator(".path-steps li").first().textContent()).toMatch(/^纳爱斯集团 —位于→ 莲都区 ←位于— /);

    await page.goto(`${app.base}/#/explore?focus=firm:nice-group&from=firm:nice-group&to=inst:cas`);
    await expect
      .poll(() => page.locator(".path-steps li").first().textContent(), { timeout: scaledTimeout(60_000) })
      .toMatch(/^纳爱斯集团 ←合作— 中国科学院/);
    await shot("paths-steps");
    await expectAccessible("explorer with a path");
  });
});

describe("plain words", () => {
  it("shows enum values in Chinese and a missing chain as a sentence with what to do, without a useless retry", async () => {
    await open(`#/map?${LIANZHOU}&sel=region:lianzhou`);
    const drawer = page.locator(".drawer.open");
    await drawer.locator(".properties").waitFor({ timeout: scaledTimeout(60_000) });
    const properties = (await drawer.locator(".properties").textContent()) ?? "";
    expect(properties).toContain("类别区");
    expect(properties).not.toMatch(/district/);

    await page.goto(`${app.base}/#/map?chain=chain:nope&region=region:lianzhou`);
    await page.reload();
    const error = page.locator(".error-box").first();
    await error.waitFor({ timeout: scaledTimeout(60_000) });
    expect(await error.textContent()).toContain("找不到这个产业链");
    expect(await error.locator("button").count(), "retrying a wrong link cannot help").toBe(0);
  });
});

describe("picture exports", () => {
  it("the chain map's SVG carries its title, legend, date and source line, and Cypher is in the menu", async () => {
    await open(`#/map?${LIANZHOU}`);
    await page
      .locator(".finding-button")
      .first()
      .waitFor({ timeout: scaledTimeout(60_000) });
    const menu = page.locator(".export-menu").first();
    await menu.locator("summary").click();
    expect(await menu.locator('[data-format="cypher"]').count()).toBe(1);
    const [file] = await Promise.all([page.waitForEvent("download"), menu.locator('[data-format="svg"]').click()]);
    const svg = readFileSync(await file.path(), "utf8");
    expect(svg).toContain(">莲都区 · 美丽健康产业链</text>");
    expect(svg).toMatch(/>缺链<\/text>/);
    expect(svg).toMatch(/制图日期：\d{4}-\d{2}-\d{2} · 来源：产业链图谱/);
  });
});
