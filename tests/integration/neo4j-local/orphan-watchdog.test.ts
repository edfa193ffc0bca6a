import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { watchForOrphan } from "../../../neo4j-local/orphan-watchdog.ts";
import { ScratchNeo4j } from "../security/scratch-neo4j.ts";

/**
 * The test run's Neo4j must not outlive a run that is killed (SIGKILL: nothing in the run gets to
 * clean up). A child process plays the run: it starts the server or a watchdog, and is killed.
 */
const spawned: ChildProcess[] = [];
const standIns: ChildProcess[] = [];
afterEach(() => {
  for (const child of spawned.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const target of standIns.splice(0)) {
    try {
      process.kill(-target.pid!, "SIGKILL"); // the group: bash and its sleep
    } catch {}
  }
});

/** Starts orphan-child.ts in one Node process (not the tsx CLI, which would add a second) and waits for its JSON line. */
async function startChild<T>(...args: string[]): Promise<{ child: ChildProcess; report: T }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "orphan-child.ts"), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.push(child);
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout! });
  const report = await new Promise<T>((resolve, reject) => {
    lines.once("line", (line) => resolve(JSON.parse(line) as T));
    child.once("exit", (code) => reject(new Error(`orphan-child.ts exited (${code}) before reporting:\n${stderr}`)));
  });
  return { child, report };
}

/** Running, not a zombie waiting to be reaped (Linux /proc, as the other process-level tests). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/**
 * A process standing in for a Neo4j: its own process group, and `--home-dir=<home>` in its command line, as the real one.
 * It ends by itself after 2 minutes, should this run be killed before afterEach.
 */
function standIn(home: string): ChildProcess {
  const target = spawn("bash", ["-c", "sleep 120; :", "stand-in", `--home-dir=${home}`], { stdio: "ignore", detached: true });
  standIns.push(target);
  return target;
}

describe("a test run's Neo4j when the run is killed", () => {
  it("is stopped, and its folder removed, after the process that started it is SIGKILLed mid-freeze", async () => {
    const { child, report } = await startChild<{ serverPid: number; stateDir: string }>("server");
    const { serverPid, stateDir } = report;
    expect(isRunning(serverPid), "the throwaway Neo4j runs while its starter lives").toBe(true);
    expect(commandLine(serverPid)).toContain(`--home-dir=${path.join(stateDir, "home")}`);

    // The worst case a freeze test leaves: the server stopped (SIGSTOP), which ignores SIGTERM until continued.
    process.kill(serverPid, "SIGSTOP");
    child.kill("SIGKILL");
    await expect.poll(() => isRunning(serverPid), { timeout: 120_000, interval: 500 }).toBe(false);
    await expect.poll(() => existsSync(stateDir), { timeout: 30_000, interval: 500 }).toBe(false);
  });

  it("never kills a process whose command line names another home (a server db:start started)", async () => {
    const userServer = standIn("/var/lib/users-own-neo4j/home");
    const { child, report } = await startChild<{ watchdogPid: number }>(
      "watch",
      String(userServer.pid),
      "/tmp/chain-atlas-test-neo4j-x/home",
    );
    expect(isRunning(report.watchdogPid)).toBe(true);

    child.kill("SIGKILL");
    await expect.poll(() => isRunning(report.watchdogPid), { timeout: 30_000, interval: 200 }).toBe(false);
    expect(isRunning(userServer.pid!), "the other server is left running").toBe(true);
  });

  it("kills a matching process when the starter dies, and leaves it alone once released", async () => {
    const home = "/tmp/chain-atlas-watchdog-probe/home";
    const orphaned = standIn(home);
    const { child, report } = await startChild<{ watchdogPid: number }>("watch", String(orphaned.pid), home);
    child.kill("SIGKILL");
    await expect.poll(() => isRunning(orphaned.pid!), { timeout: 30_000, interval: 200 }).toBe(false);
    await expect.poll(() => isRunning(report.watchdogPid), { timeout: 30_000, interval: 200 }).toBe(false);

    const stopped = standIn(home);
    const watchdog = watchForOrphan(stopped.pid!, home);
    watchdog.release();
    await expect.poll(() => isRunning(watchdog.pid!), { timeout: 30_000, interval: 200 }).toBe(false);
    expect(isRunning(stopped.pid!), "a released watchdog kills nothing").toBe(true);
  });
});

describe("a fault test's scratch Neo4j when the test fails", () => {
  it("is stopped and its folder removed by destroy(), even left frozen", async () => {
    const scratch = await ScratchNeo4j.create();
    const pid = scratch.pid!;
    process.kill(pid, "SIGSTOP");
    await scratch.destroy();
    expect(isRunning(pid), "the frozen server is gone").toBe(false);
    expect(existsSync(scratch.options.stateDir), "its folder is gone").toBe(false);
  });
});
