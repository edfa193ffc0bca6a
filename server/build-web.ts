import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const WEB = path.join(ROOT, "web");
/** The bundle's sources: the web app and the model it imports (the API contract included). */
const SOURCES = [WEB, path.join(ROOT, "model")];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the front end with Vite when web/dist is missing or older than any source file (web/ or
 * model/). Where only the bundle ships (the Docker image: no web/src, no Vite) it is used as it is.
 */
export async function buildWebIfStale(distDir: string, log: (line: string) => void): Promise<void> {
  const index = path.join(distDir, "index.html");
  const sourcesHere = existsSync(path.join(WEB, "src"));
  if (existsSync(index) && (!sourcesHere || statSync(index).mtimeMs >= Math.max(...SOURCES.map(newestMtime)))) return;
  log("Building the web front end (vite build)...");
  const { build } = await import("vite");
  await build({ configFile: path.join(WEB, "vite.config.ts"), logLevel: "warn", build: { outDir: distDir, emptyOutDir: true } });
}
