import { execSync } from "node:child_process";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

/**
 * Debian's Chromium, headless, without the background connections this closed network refuses.
 * Shared by the end-to-end tests, the CSP browser test and the render benchmark.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath(): string {
  return execSync("command -v chromium", { shell: "/bin/sh" }).toString().trim();
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A fresh page in its own browser context (its own storage, cookies and URL), so an end-to-end test
 * starts from nothing and runs alone (`-t`) or in any order; close it with `page.context().close()`.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "zh-CN", ...options });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("page error:", error.message));
  return page;
}
