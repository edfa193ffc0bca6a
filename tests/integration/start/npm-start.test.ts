import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../../server/lib/free-port.ts";

// `npm start` as a user runs it: its own local Neo4j, schema, demo data, web build, then Ctrl-C.
// A second start must find the data again without reloading it.
const stateDir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-start-"));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  const pid = await readPid();
  if (pid) process.kill(pid, "SIGKILL");
  await rm(stateDir, { recursive: true, force: true });
});

async function readPid(): Promise<number | null> {
  try {
    return JSON.parse(await readFile(path.join(stateDir, "neo4j", "neo4j.pid"), "utf8")).pid;
  } catch {
    return null;
  }
}

/** The environment of `npm start` on this test's state folder, on free ports. */
async function startEnv() {
  return {
    NEO4J_STATE_DIR: path.join(stateDir, "neo4j"),
    NEO4J_BOLT_PORT: String(await freePort()),
    PORT: String(await freePort()),
    WEB_DIST_DIR: path.join(stateDir, "web-dist"),
    NEO4J_HEAP: "512m",
    NEO4J_PAGECACHE: "256m",
  };
}

async function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/start.ts"], {
    env: { ...process.env, ...env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes("Chain Atlas is running")) {
        clearInterval(check);
        resolve();
      }
    }, 200);
    child.once("exit", (code) => {
      clearInterval(check);
      reject(new Error(`npm start exited early with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

async function waitFor(output: () => string, pattern: RegExp, child: ChildProcess): Promise<RegExpMatchArray> {
  for (let attempt = 0; attempt < 1200; attempt++) {
    const match = output().match(pattern);
    if (match) return match;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`never printed ${pattern}:\n${output()}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));
}

describe("npm start", () => {
  it("serves the app on a fresh state folder, stops cleanly on Ctrl-C, and finds the data again", async () => {
    const env = await startEnv();
    const base = `http://127.0.0.1:${env.PORT}`;

    const first = await start(env);
    expect(first.output()).toContain("Empty database: loading the demo data");
    expect((await fetch(`${base}/api/ready`)).status).toBe(200);
    const gaps = await fetch(`${base}/api/chains/chain:beauty-health/gaps?region=region:lianzhou`);
    expect(gaps.status).toBe(200);
    const page = await fetch(`${base}/`);
    expect(await page.text()).toContain('<div id="app">');
    const neo4jPid = await readPid();
    expect(neo4jPid).toBeGreaterThan(0);

    first.child.kill("SIGINT");
    expect(await exited(first.child)).toBe(0);
    expect(existsSync(path.join(stateDir, "neo4j", "neo4j.pid"))).toBe(false);
    expect(() => process.kill(neo4jPid!, 0)).toThrow();
    const consoleLog = await readFile(path.join(stateDir, "neo4j", "home", "logs", "console.log"), "utf8");
    expect(consoleLog).toMatch(/Stopped\.\s*$/);

    const second = await start(env);
    expect(second.output()).not.toContain("loading the demo data");
    const again = await fetch(`${base}/api/chains/chain:beauty-health/gaps?region=region:lianzhou`);
    expect((await again.json()).findings.length).toBeGreaterThan(0);
    second.child.kill("SIGTERM");
    expect(await exited(second.child)).toBe(0);
  }, 300_000);
  it("starts the app again when it is killed, and stops its Neo4j when told to stop", async () => {
    const env = await startEnv();
    const base = `http://127.0.0.1:${env.PORT}`;
    const run = await start(env);
    const neo4jPid = await readPid();
    const appPid = Number((await waitFor(run.output, /supervisor: app process (\d+) started/, run.child))[1]);
    expect(appPid).not.toBe(run.child.pid);

    // What the out-of-memory killer or a heap overflow does to the app.
    process.kill(appPid, "SIGKILL");
    await waitFor(run.output, new RegExp(`app process ${appPid} killed by SIGKILL; starting it again`), run.child);
    await waitFor(run.output, /Chain Atlas is running[\s\S]*Chain Atlas is running/, run.child);
    expect((await fetch(`${base}/api/ready`)).status).toBe(200);
    expect(await readPid(), "the same Neo4j serves the restarted app").toBe(neo4jPid);

    run.child.kill("SIGTERM");
    expect(await exited(run.child)).toBe(0);
    expect(() => process.kill(neo4jPid!, 0), "Neo4j is stopped with the app").toThrow();
  }, 300_000);
});
