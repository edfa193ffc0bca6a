import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ProgressLine } from "../lib/progress-line.ts";

const POM = path.join(path.dirname(fileURLToPath(import.meta.url)), "pom.xml");
/** About how many files Maven fetches for the server on an empty ~/.m2; only used to draw progress. */
const EXPECTED_DOWNLOADS = 430;

/**
 * Resolves the Neo4j Community jars from Maven Central (once; Maven caches them in ~/.m2)
 * and returns the classpath. The result is cached next to the data, keyed by the pom's hash,
 * so later starts skip Maven entirely.
 */
export async function resolveClasspath(stateDir: string, log: (line: string) => void): Promise<string> {
  const pom = await readFile(POM, "utf8");
  const key = createHash("sha256").update(pom).digest("hex").slice(0, 16);
  const cacheFile = path.join(stateDir, `classpath-${key}.txt`);
  if (existsSync(cacheFile)) {
    const cached = (await readFile(cacheFile, "utf8")).trim();
    if (cached.split(path.delimiter).every((jar) => existsSync(jar))) return cached;
  }
  await mkdir(stateDir, { recursive: true });
  log("Resolving Neo4j Community from Maven Central (first run only)...");
  await runMaven(["-B", "dependency:build-classpath", `-Dmdep.outputFile=${cacheFile}`, "-f", POM], log);
  return (await readFile(cacheFile, "utf8")).trim();
}

function runMaven(args: string[], log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("mvn", args, { stdio: ["ignore", "pipe", "pipe"] });
    let downloads = 0;
    let bytes = 0;
    let tail = "";
    const progress = new ProgressLine(log);
    const onLine = (line: string) => {
      tail = `${tail}\n${line}`.slice(-4000);
      const done = /Downloaded from \S+: \S+ \(([\d.]+) (kB|MB|B)/.exec(line);
      if (!done) return;
      downloads += 1;
      const size = Number(done[1]);
      bytes += done[2] === "MB" ? size * 1e6 : done[2] === "kB" ? size * 1e3 : size;
      progress.update(downloads / EXPECTED_DOWNLOADS, `${downloads} files, ${(bytes / 1e6).toFixed(1)} MB`);
    };
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      lines.forEach(onLine);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error) =>
      reject(new Error(`could not run Maven (mvn): ${error.message}. Install Maven or set NEO4J_URI to an existing Neo4j.`)),
    );
    child.on("close", (code) => {
      progress.finish();
      if (code === 0) resolve();
      else reject(new Error(`Maven could not resolve Neo4j (exit ${code}). Last output:${tail}`));
    });
  });
}
