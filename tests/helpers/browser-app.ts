import { mkdirSync } from "node:fs";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { launchChromium, openPage } from "../../scripts/chromium.ts";
import { removeSynthetic } from "../../seeds/synthetic/remove.ts";
import type { Config } from "../../server/config.ts";
import type { Graph } from "../../server/db/graph.ts";
import { loadDemoOutsideFirms } from "../../server/seed/demo-outside.ts";
import { type ServedWebApp, serveWebApp } from "./web-app.ts";

export interface BrowserAppOptions {
  /** Config of the served app (e.g. `security: testSecurity()`). */
  config?: Partial<Config>;
  /** Where the file's screenshots go; created before the first test. */
  artifacts?: string;
  /** Makes the data the file needs, before the app is served. */
  setUp?: () => Promise<unknown>;
  /** Removes what the file made, after the browser and the app are closed. */
  tearDown?: () => Promise<unknown>;
  /** The file's own connection to the run's Neo4j, closed last. */
  graph?: Graph;
}

export interface BrowserApp {
  readonly served: ServedWebApp;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  readonly browser: Browser;
  /** A fresh page in its own browser context (at `hash` when given), closed after the test. */
  open(hash?: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The life of an end-to-end test file in one place: the app built and served against the run's
 * Neo4j and one headless Chromium for the whole file; each test's pages closed after it; the file's
 * data removed at the end. Registers its hooks where it is called, so call it at the file's top level.
 */
export function useBrowserApp(options: BrowserAppOptions = {}): BrowserApp {
  let served: ServedWebApp | undefined;
  let browser: Browser | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    if (options.artifacts) mkdirSync(options.artifacts, { recursive: true });
    await options.setUp?.();
    served = await serveWebApp(options.config);
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await options.tearDown?.();
    await options.graph?.driver.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };
  return {
    get served() {
      return ready(served, "the app");
    },
    get base() {
      return ready(served, "the app").base;
    },
    get browser() {
      return ready(browser, "Chromium");
    },
    async open(hash, pageOptions = {}) {
      const page = await openPage(ready(browser, "Chromium"), pageOptions);
      pages.push(page);
      if (hash !== undefined) await page.goto(`${ready(served, "the app").base}/${hash}`);
      return page;
    },
  };
}

/** The demo's opt-in synthetic outside firms, loaded for the file (from a clean slate) and removed after it. */
export function withDemoOutsideFirms(graph: Graph): Pick<BrowserAppOptions, "graph" | "setUp" | "tearDown"> {
  return {
    graph,
    setUp: async () => {
      await removeSynthetic(graph);
      await loadDemoOutsideFirms(graph);
    },
    tearDown: () => removeSynthetic(graph),
  };
}
