import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type App, buildApp } from "../../server/app.ts";
import type { Config } from "../../server/config.ts";
import { testConfig } from "./graph.ts";

export interface ServedWebApp {
  app: App;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/**
 * The real app as a browser sees it: the web bundle built by Vite into a temporary folder, served
 * with the API on a free loopback port, against the run's Neo4j.
 */
export async function serveWebApp(overrides: Partial<Config> = {}): Promise<ServedWebApp> {
  const distDir = mkdtempSync(path.join(os.tmpdir(), "chain-atlas-web-"));
  const { build } = await import("vite");
  await build({ configFile: path.resolve("web/vite.config.ts"), logLevel: "warn", build: { outDir: distDir, emptyOutDir: true } });
  const app = await buildApp({ ...testConfig({ webDistDir: distDir }), ...overrides });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  return {
    app,
    base: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    async close() {
      await app.close();
      rmSync(distDir, { recursive: true, force: true });
    },
  };
}
