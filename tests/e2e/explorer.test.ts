import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { useBrowserApp } from "../helpers/browser-app.ts";
import { scaledTimeout } from "../helpers/load-timeouts.ts";

/**
 * The explorer in a real headless Chromium against the real app serving the demo data: the
 * bundle is built, the app listens on a free port, and every step leaves a screenshot under
 * test-artifacts/e2e/ for a human to look at. The browser is shared; each test opens its own page
 * from a link, so any one runs alone or in any order.
 */
const ARTIFACTS = path.resolve("test-artifacts/e2e");
const LIANZHOU_MAP = "#/map?chain=chain:beauty-health&region=region:lianzhou";

const app = useBrowserApp({ artifacts: ARTIFACTS });
let page: Page;
let base: string;

async function shot(name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "PNG signature").toBe(true);
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function download(trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const filePath = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(filePath) };
}

async function exportAs(format: string) {
  return download(async () => {
    const menu = page.locator(".export-menu").first();
    if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
    await menu.locator(`[data-format="${format}"]`).click();
  });
}

beforeEach(async () => {
  base = app.base;
  page = await app.open(undefined, { acceptDownloads: true });
});

describe("explorer in Chromium", () => {
  it("opens the chain map for 莲都区 and shows the findings; a finding highlights its evidence", async () => {
    // The overview is the first screen; the map opens on the region that develops the chain.
    await page.goto(`${base}/#/map`);
    await page.locator("#pick-region").waitFor();
    await page.selectOption("#pick-region", { label: "莲都区" });
    await expect.poll(() => page.url()).toContain("region=region:lianzhou");
    const findings = page.locator(".finding-button");
    await findings.first().waitFor({ timeout: scaledTimeout(30_000) });
    expect(await findings.count()).toBeGreaterThan(0);
    const text = await page.locator(".findings-holder").textContent();
    expect(text).toMatch(/缺链|断链|弱链/);
    await expect.poll(() => page.locator("#map-summary").textContent()).toMatch(/链条完整度 \d+%/);
    await shot("01-chain-map");

    await findings.first().click();
    await expect.poll(() => findings.first().getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.url()).toContain("finding=");
    await page.waitForTimeout(400);
    await shot("02-finding-highlighted");

    // A copied link reproduces the view: reload and the finding is still selected.
    await page.reload();
    await page.locator(".finding-button[aria-pressed='true']").waitFor({ timeout: scaledTimeout(30_000) });
  });

  it("exports the chain map as a high-resolution PNG and as SVG", async () => {
    await page.goto(`${base}/${LIANZHOU_MAP}`);
    await expect.poll(() => page.locator("#map-summary").textContent(), { timeout: scaledTimeout(30_000) }).toMatch(/链条完整度 \d+%/);
    const png = await exportAs("png");
    expect(png.name).toMatch(/^莲都区_美丽健康产业链_\d{4}-\d{2}-\d{2}\.png$/);
    const size = pngSize(png.bytes);
    expect(size.width).toBeGreaterThan(2000);
    expect(size.height).toBeGreaterThan(800);

    const svg = await exportAs("svg");
    expect(svg.name.endsWith(".svg")).toBe(true);
    const xml = svg.bytes.toString("utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(Object.keys(parsed).filter((k) => !k.startsWith("?"))).toEqual(["svg"]);
    expect(xml).toContain("纳爱斯集团");
    // Kept beside the screenshots so a human can compare the vector export with the canvas.
    writeFileSync(path.join(ARTIFACTS, "03-chain-map-export.svg"), xml);
    writeFileSync(path.join(ARTIFACTS, "03-chain-map-export.png"), png.bytes);
    await shot("03-export-menu");
  });

  it("finds 纳爱斯 by search, opens its panel with a cited source, expands, collapses and undoes", async () => {
    await page.goto(`${base}/`);
    await page.locator('.tab[data-view="explore"]').click();
    const search = page.locator("#explore-search");
    await search.fill("纳爱斯");
    const suggestion = page.locator('.suggestions li[data-id="firm:nice-group"]');
    await suggestion.waitFor({ timeout: scaledTimeout(15_000) });
    await shot("04-search-suggestions");
    await search.press("Enter");

    const panel = page.locator(".details[data-node='firm:nice-group']");
    await expect.poll(() => panel.locator(".details-name").textContent(), { timeout: scaledTimeout(15_000) }).toContain("纳爱斯");
    await panel.locator(".source blockquote").first().waitFor();
    expect(await panel.locator(".source blockquote").first().textContent()).toMatch(/“.{4,}”/);
    expect(await panel.locator(".source .doc-date").first().textContent()).toMatch(/^\d{4}/);
    await shot("05-details-with-source");

    const chip = panel.locator("[data-expand]:not([data-expand='all'])").first();
    const relType = await chip.getAttribute("data-expand");
    await chip.click();
    await expect.poll(() => page.url()).toContain(`x=firm:nice-group~${relType}`);
    await panel.locator("[data-action='collapse']").waitFor({ timeout: scaledTimeout(15_000) });
    await page.locator("[data-expand='all']").click();
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/x=firm:nice-group~[A-Z_]+,firm:nice-group(&|$)/);
    await page.locator("[data-action='collapse']").waitFor({ timeout: scaledTimeout(15_000) });
    await shot("06-expanded");

    await page.locator("[data-action='collapse']").click();
    await expect.poll(() => page.url()).not.toContain("x=");
    await page.locator("#undo").click();
    await expect.poll(() => page.url()).toContain("x=firm:nice-group");
    await shot("07-undo-collapse");

    // With nothing selected an export holds the whole view; expanding a neighbour (here from a
    // pasted link) brings that neighbour's own neighbours into it.
    const viewNodes = async (hash: string) => {
      await page.goto("about:blank");
      await page.goto(`${base}/${hash}`);
      await page.locator(".view-explore[data-busy='false']").waitFor({ timeout: scaledTimeout(30_000) });
      return JSON.parse((await exportAs("json")).bytes.toString("utf8")).elements.nodes.length as number;
    };
    const before = await viewNodes("#/explore?focus=firm:nice-group");
    expect(before).toBeGreaterThan(3);
    const expanded = await viewNodes("#/explore?focus=firm:nice-group&x=region:lianzhou");
    expect(expanded, "expanding 莲都区 adds its neighbours").toBeGreaterThan(before);
    await shot("08-neighbour-expanded");
  });

  it("switches to English and back", async () => {
    await page.goto(`${base}/`);
    await page.locator(".lang-switch").click();
    await expect.poll(() => page.locator('.tab[data-view="map"]').textContent()).toBe("Chain map");
    await page.locator(".lang-switch").click();
    await expect.poll(() => page.locator('.tab[data-view="map"]').textContent()).toBe("链图");
  });

  it("opens the printable gap report and prints it to PDF", async () => {
    await page.goto(`${base}/#/report?chain=chain:beauty-health&region=region:lianzhou`);
    await page.locator("article.report[data-ready='true']").waitFor({ timeout: scaledTimeout(60_000) });
    const diagramWidth = await page.locator("#report-diagram").evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(diagramWidth).toBeGreaterThan(1000);
    expect(await page.locator(".report-findings tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator(".report-sources").textContent()).toMatch(/\d{4}/);
    await shot("09-report");
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: path.join(ARTIFACTS, "10-report-print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString("ascii")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(30_000);
    await page.emulateMedia({ media: "screen" });
  });
});
