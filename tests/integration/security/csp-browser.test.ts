import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../scripts/chromium.ts";
import { type ServedWebApp, serveWebApp } from "../../helpers/web-app.ts";

/**
 * A CSP is only real if the app works under it: the built web app and the API docs are opened
 * in Chromium with the app's own headers, used a little, and every CSP violation the browser
 * reports is collected. None is allowed.
 */
let served: ServedWebApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  served = await serveWebApp();
  base = served.base;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** A page that records every CSP violation, from the DOM event and from the console. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const violations: string[] = [];
  await page.exposeFunction("__reportCsp", (line: string) => violations.push(line));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCsp: (line: string) => void }).__reportCsp(
        JSON.stringify({
          directive: event.violatedDirective,
          blocked: event.blockedURI,
          file: event.sourceFile,
          line: event.lineNumber,
          column: event.columnNumber,
        }),
      );
    });
  });
  return { page, violations };
}

/**
 * zod checks once whether it may compile validators with `Function("")` and, refused, validates
 * without: the browser reports the refused probe. It is told apart by the code at the reported
 * spot; every other violation counts. (`z.config({ jitless: true })` in the web app skips the probe.)
 */
async function realViolations(violations: string[]): Promise<string[]> {
  const real: string[] = [];
  for (const line of violations) {
    const v = JSON.parse(line) as { directive: string; blocked: string; file: string; line: number; column: number };
    if (v.blocked === "eval" && v.file.startsWith(base)) {
      const source = (await (await fetch(v.file)).text()).split("\n")[v.line - 1] ?? "";
      const around = source.slice(Math.max(0, v.column - 300), v.column + 40);
      if (/jitless[\s\S]*Function\(``\)/.test(around)) continue;
    }
    real.push(`${v.directive} blocked ${v.blocked || "inline"} at ${v.file}:${v.line}:${v.column}`);
  }
  return real;
}

describe("the Content-Security-Policy in a real browser", () => {
  it("lets the web app load, draw a chain map and export a PNG with no violation", async () => {
    const { page, violations } = await watchedPage();
    try {
      // The overview is the first screen; the chain map (#/map) is where the drawing and PNG export live.
      const response = await page.goto(`${base}/#/map`);
      expect(String(response?.headers()["content-security-policy"])).toContain("script-src 'self'");
      await page.locator("#app *").first().waitFor({ timeout: 30_000 });
      await page.locator("#pick-region").waitFor({ timeout: 30_000 });
      await page.selectOption("#pick-region", { label: "莲都区" });
      await page.locator(".finding-button").first().waitFor({ timeout: 30_000 });
      await page.locator("canvas").first().waitFor({ timeout: 30_000 });
      const menu = page.locator(".export-menu").first();
      await menu.locator("summary").click();
      const [png] = await Promise.all([page.waitForEvent("download"), menu.locator('[data-format="png"]').click()]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      await page.waitForTimeout(500);
      expect(await realViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("lets the API docs at /docs render with no violation", async () => {
    const { page, violations } = await watchedPage();
    try {
      await page.goto(`${base}/docs`);
      await page.locator(".swagger-ui .opblock").first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(500);
      expect(await realViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
