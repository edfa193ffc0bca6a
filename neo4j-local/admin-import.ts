import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { resolveClasspath } from "./classpath.ts";
import { findJava } from "./java.ts";

export interface AdminImportOptions {
  /** The state folder a launcher server will then run from (its home/data receives the database). */
  stateDir: string;
  nodeFiles: string[];
  relationshipFiles: string[];
  arrayDelimiter: string;
  /** Heap of the import tool's JVM; its caches are off-heap (maxOffHeap). */
  heap?: string;
  maxOffHeap?: string;
  /** Worker threads; default IMPORT_THREADS_PER_CPU per processor (the tool's own default is one). */
  threads?: number;
  /** Tells the tool the disk takes many parallel reads and writes (an SSD); default on. */
  highParallelIo?: boolean;
  log: (line: string) => void;
}

export interface AdminImportResult {
  nodes: number;
  relationships: number;
  properties: number;
  /** Wall time of the tool's process (JVM start included). */
  seconds: number;
  /** The time the tool itself reports ("IMPORT DONE in …"): its phases without the JVM start. */
  toolSeconds: number;
  /** Its phase timings as it prints them ("Node import … Done in 12s"), in order. */
  phases: { phase: string; seconds: number }[];
  /** The tool's full output, kept in the state folder. */
  logFile: string;
}

/**
 * More worker threads than processors: the tool's threads also wait on the disk. At 1M firms on 2
 * cores (quiet machine, same CSV), its own time was 16.9 s with 4 threads, 15.2-15.5 s with 6
 * and 8, against 21.0-22.0 s with its default of 2 (docs/scaling.md).
 */
const IMPORT_THREADS_PER_CPU = 3;
/** The tool warned that 1 GiB "may be too small" at 1M firms (its estimate: 1.001 GiB); its caches are off-heap. */
const DEFAULT_IMPORT_HEAP = "2g";

/**
 * `neo4j-admin database import full` into the (stopped, empty) database `neo4j` of a launcher state
 * folder. The Maven artifacts have no neo4j-admin script, but its entry point is there: the
 * command-line tool `org.neo4j.cli.AdminTool` (neo4j-command-line) with the import command
 * (neo4j-import-tool) on the same classpath the server runs from; it finds the data folder through
 * NEO4J_HOME / NEO4J_CONF like the script does.
 */
export async function adminImport(options: AdminImportOptions): Promise<AdminImportResult> {
  const home = path.join(options.stateDir, "home");
  const conf = path.join(home, "conf");
  await mkdir(conf, { recursive: true });
  if (existsSync(path.join(home, "data", "databases", "neo4j")))
    throw new Error(`${home}/data already holds a database: the offline import writes only into an empty one`);
  // The launcher rewrites this file at start; the import only needs to know where data and logs go.
  await writeFile(
    path.join(conf, "neo4j.conf"),
    `server.directories.data=${path.join(home, "data")}\nserver.directories.logs=${path.join(home, "logs")}\n`,
  );
  const [classpath, java] = await Promise.all([resolveClasspath(options.stateDir, options.log), findJava()]);
  const args = [
    `-Xmx${options.heap ?? DEFAULT_IMPORT_HEAP}`,
    "-cp",
    classpath,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    ...options.nodeFiles.map((file) => `--nodes=${file}`),
    ...options.relationshipFiles.map((file) => `--relationships=${file}`),
    `--array-delimiter=${options.arrayDelimiter}`,
    "--id-type=string",
    `--max-off-heap-memory=${options.maxOffHeap ?? "3G"}`,
    `--threads=${options.threads ?? availableParallelism() * IMPORT_THREADS_PER_CPU}`,
    `--high-parallel-io=${options.highParallelIo === false ? "off" : "on"}`,
    "--skip-bad-relationships=false",
    "--skip-duplicate-nodes=false",
    // Its bad-entry report, which it would otherwise drop into the working directory.
    `--report-file=${path.join(options.stateDir, "import.report")}`,
    "neo4j",
  ];
  // Timed from here: the classpath (Maven, first run only) and the JVM flags are not the import.
  const started = performance.now();
  const output = await run(java, args, { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, options.log);
  const seconds = (performance.now() - started) / 1000;
  const logFile = path.join(options.stateDir, "import.log");
  await writeFile(logFile, output);
  const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(output)?.[1] ?? Number.NaN);
  if (!/IMPORT DONE/.test(output)) throw new Error(`neo4j-admin import did not finish: ${output.slice(-2000)}`);
  const done = /IMPORT DONE in ([^.]+)\./.exec(output)?.[1];
  return {
    nodes: count("nodes"),
    relationships: count("relationships"),
    properties: count("properties"),
    seconds,
    toolSeconds: done ? durationSeconds(done) : Number.NaN,
    phases: importPhases(output),
    logFile,
  };
}

/** "1m 59s 3ms" (the tool's duration format) in seconds. */
export function durationSeconds(text: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|h|m|s)\b/g)) total += Number(amount) * units[unit!]!;
  return total;
}

/** The tool's stage lines ("(1/4) Node import <date>" then "Node import COMPLETED in 1m 42s"), paired up in order. */
export function importPhases(output: string): { phase: string; seconds: number }[] {
  const phases: { phase: string; seconds: number }[] = [];
  let current: string | undefined;
  for (const line of output.split("\n")) {
    const stage = /^\s*\((\d+\/\d+)\) (.+?)(?: \d{4}-\d\d-\d\d .*)?\s*$/.exec(line);
    if (stage) current = `${stage[1]} ${stage[2]}`;
    const done = /COMPLETED in (\d.*)$/.exec(line);
    if (done && current) {
      phases.push({ phase: current, seconds: durationSeconds(done[1]!) });
      current = undefined;
    }
  }
  return phases;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split("\n"))
        if (/IMPORT DONE|Imported|nodes$|relationships$|COMPLETED|Exception|^\s*\(\d+\/\d+\)/.test(line))
          log(`  neo4j-admin: ${line.trim()}`);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`neo4j-admin import exited with ${code}: ${output.slice(-2000)}`));
    });
  });
}
