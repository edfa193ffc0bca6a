import { execSync } from "node:child_process";
import { type Browser, chromium } from "playwright-core";

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
