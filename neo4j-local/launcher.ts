import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import neo4j, { type Driver, Neo4jError } from "neo4j-driver";
import { freePort } from "../lib/free-port.ts";
import { resolveClasspath } from "./classpath.ts";
import { findJava } from "./java.ts";
import { type OrphanWatchdog, watchForOrphan } from "./orphan-watchdog.ts";

export interface LocalNeo4jOptions {
  /** Folder holding the server's home (conf, data, logs), pid file and generated credentials. */
  stateDir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  /** Per-transaction timeout enforced by the server itself, as a Neo4j duration ("30s"). */
  transactionTimeout: string;
  /** Per-transaction memory cap, so one runaway query cannot exhaust the heap. */
  transactionMemory: string;
  log: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  /** False when an already running server (from `npm run db:start`) was reused. */
  startedHere: boolean;
  stop(): Promise<void>;
}

const USER = "neo4j";
const START_TIMEOUT_MS = 180_000;
/** How many free ports startLocalNeo4jOnFreePort tries before it gives up. */
const PORT_ATTEMPTS = 5;

/** The Bolt port was taken, before the start (checked) or by the time Neo4j bound it (raced). */
export class BoltPortTakenError extends Error {}

const STOP_TIMEOUT_MS = 60_000;

const paths = (stateDir: string) => ({
  home: path.join(stateDir, "home"),
  conf: path.join(stateDir, "home", "conf"),
  data: path.join(stateDir, "home", "data"),
  logs: path.join(stateDir, "home", "logs"),
  console: path.join(stateDir, "home", "logs", "console.log"),
  pid: path.join(stateDir, "neo4j.pid"),
  credentials: path.join(stateDir, "credentials.json"),
});

/** Status of the local server: whether its process is alive, on which port. */
export async function localNeo4jStatus(stateDir: string) {
  const p = paths(stateDir);
  const pidInfo = await readPidFile(p.pid);
  const running = pidInfo !== null && isAlive(pidInfo.pid);
  return { running, pid: running ? pidInfo?.pid : undefined, boltPort: running ? pidInfo?.boltPort : undefined, stateDir };
}

export interface StartMode {
  /** The server outlives this process (db:start). */
  detached?: boolean;
  /**
   * A test's or the bench's server in a temporary folder: if this process dies without stopping it
   * (even by SIGKILL), a watchdog (orphan-watchdog.ts) stops it and removes its state folder. A
   * reused server gets none.
   */
  throwaway?: boolean;
}

/**
 * Starts Neo4j Community as its own Java process bound to 127.0.0.1, or reuses the one
 * already running from the same state folder. `detached` servers outlive this process
 * (db:start); attached ones are stopped by the caller (npm start, the test run).
 */
export async function startLocalNeo4j(
  options: LocalNeo4jOptions,
  { detached = false, throwaway = false }: StartMode = {},
): Promise<LocalNeo4j> {
  const p = paths(options.stateDir);
  await mkdir(p.logs, { recursive: true });
  await mkdir(p.conf, { recursive: true });

  const existing = await readPidFile(p.pid);
  if (existing && isAlive(existing.pid)) {
    const credentials = await readCredentials(p.credentials);
    if (!credentials) throw new Error(`a Neo4j is running (pid ${existing.pid}) but ${p.credentials} is missing`);
    options.log(`Using the local Neo4j already running (pid ${existing.pid}, bolt port ${existing.boltPort}).`);
    return handle(existing.pid, existing.boltPort, credentials.password, false, p.pid, null);
  }
  if (existing) {
    options.log(`Removing stale pid file for pid ${existing.pid} (no such process).`);
    await rm(p.pid, { force: true });
  }
  if (await portInUse(options.boltPort)) {
    throw new BoltPortTakenError(
      `Bolt port ${options.boltPort} on 127.0.0.1 is already in use by another program. Stop it, or choose another port with NEO4J_BOLT_PORT.`,
    );
  }

  const [classpath, java] = await Promise.all([resolveClasspath(options.stateDir, options.log), findJava()]);
  await writeFile(path.join(p.conf, "neo4j.conf"), neo4jConf(options, p));

  const consoleOffset = existsSync(p.console) ? (await stat(p.console)).size : 0;
  const out = openSync(p.console, "a");
  // Own process group: Ctrl-C in the terminal reaches the app, which then stops Neo4j in order.
  const child = spawn(
    java,
    [
      ...jvmArgs(options),
      "-cp",
      classpath,
      "org.neo4j.server.CommunityEntryPoint",
      `--home-dir=${p.home}`,
      `--config-dir=${p.conf}`,
      "--console-mode",
    ],
    { detached: true, stdio: ["ignore", out, out] },
  );
  closeSync(out);
  if (detached) child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${java}`);
  const watchdog = throwaway ? watchForOrphan(pid, p.home, options.stateDir) : null;
  options.log(`Starting Neo4j Community (pid ${pid}, bolt 127.0.0.1:${options.boltPort})...`);

  try {
    await waitForStarted(pid, p.console, consoleOffset);
    const password = await ensurePassword(options.boltPort, p.credentials);
    await writeFile(p.pid, JSON.stringify({ pid, boltPort: options.boltPort }));
    options.log("Neo4j started.");
    return handle(pid, options.boltPort, password, true, p.pid, watchdog);
  } catch (error) {
    watchdog?.release();
    await stopProcess(pid);
    throw error;
  }
}

/**
 * Starts Neo4j on whichever port is free. We do not rely on Neo4j binding port 0 and telling us
 * the port it got (its config names a fixed listen address, and its log is no stable interface),
 * so this asks the OS for a free port and, since another process may take it before Neo4j binds
 * it, starts again on a new one when the bind fails ("address already in use"), up to
 * PORT_ATTEMPTS times.
 * A server already running from the same state folder is reused whatever its port.
 */
export async function startLocalNeo4jOnFreePort(options: Omit<LocalNeo4jOptions, "boltPort">, mode: StartMode = {}): Promise<LocalNeo4j> {
  for (let attempt = 1; ; attempt++) {
    const boltPort = await freePort();
    try {
      return await startLocalNeo4j({ ...options, boltPort }, mode);
    } catch (error) {
      if (!(error instanceof BoltPortTakenError) || attempt >= PORT_ATTEMPTS) throw error;
      options.log(`Bolt port ${boltPort} was taken before Neo4j bound it; trying another.`);
    }
  }
}

/** Stops the server recorded in the state folder's pid file, waiting for a clean shutdown. */
export async function stopLocalNeo4j(stateDir: string): Promise<boolean> {
  const p = paths(stateDir);
  const info = await readPidFile(p.pid);
  if (!info) return false;
  if (isAlive(info.pid)) await stopProcess(info.pid);
  await rm(p.pid, { force: true });
  return true;
}

function handle(
  pid: number,
  boltPort: number,
  password: string,
  startedHere: boolean,
  pidFile: string,
  watchdog: OrphanWatchdog | null,
): LocalNeo4j {
  return {
    uri: `bolt://127.0.0.1:${boltPort}`,
    user: USER,
    password,
    pid,
    startedHere,
    async stop() {
      watchdog?.release();
      await stopProcess(pid);
      await rm(pidFile, { force: true });
    },
  };
}

function neo4jConf(options: LocalNeo4jOptions, p: ReturnType<typeof paths>): string {
  return `# Written by neo4j-local/launcher.ts at every start; edit the launcher, not this file.
server.default_listen_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:${options.boltPort}
server.bolt.advertised_address=127.0.0.1:${options.boltPort}
server.http.enabled=false
server.https.enabled=false
server.directories.data=${p.data}
server.directories.logs=${p.logs}
server.memory.pagecache.size=${options.pageCache}
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
db.transaction.timeout=${options.transactionTimeout}
# Check for timed-out transactions every 0.5 s (default 2 s), so the server cuts a query well
# before the app's client-side deadline (its timeout + 1 s) gives up on it.
db.transaction.monitor.check.interval=500ms
db.memory.transaction.max=${options.transactionMemory}
db.tx_log.rotation.retention_policy=1G size
server.jvm.additional=-XX:+UseG1GC
`;
}

/** The flags Neo4j's own launch scripts pass, with the heap sized for a small machine. */
function jvmArgs(options: LocalNeo4jOptions): string[] {
  return [
    `-Xms${options.heap}`,
    `-Xmx${options.heap}`,
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  ];
}

async function waitForStarted(pid: number, consoleLog: string, offset: number) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const text = (await readFile(consoleLog, "utf8")).slice(offset);
    if (/\bStarted\.\s*$/m.test(text)) return;
    if (/BindException|Address already in use/i.test(text)) {
      throw new BoltPortTakenError(`Neo4j could not bind its Bolt port (address already in use). See ${consoleLog}`);
    }
    if (!isAlive(pid)) {
      throw new Error(`Neo4j exited during start-up. Last lines of ${consoleLog}:\n${lastLines(text, 15)}`);
    }
    await sleep(250);
  }
  throw new Error(`Neo4j did not report "Started." within ${START_TIMEOUT_MS / 1000}s; see ${consoleLog}`);
}

/**
 * A new database accepts only neo4j/neo4j and demands a new password: generate one, set it,
 * and keep it (readable by the owner only) for the app. Never a hard-coded password.
 */
/**
 * The first statement on a cold server can outlast a short `db.transaction.timeout` on a loaded
 * machine (a test server runs with 10 s, and Neo4j reports that as a client error, not a transient
 * one): ask for a longer one, and try again unless Neo4j refused the credentials.
 */
async function setPasswordOnce(driver: Driver, password: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.executeQuery(
        "ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $password",
        { password },
        { database: "system", transactionConfig: { timeout: 120_000 } },
      );
      return;
    } catch (error) {
      if (attempt >= 5 || isCredentialsRefused(error)) throw error;
      await sleep(1_000 * attempt);
    }
  }
}

function isCredentialsRefused(error: unknown): error is Neo4jError {
  return error instanceof Neo4jError && error.code.startsWith("Neo.ClientError.Security.");
}

async function ensurePassword(boltPort: number, credentialsFile: string): Promise<string> {
  const saved = await readCredentials(credentialsFile);
  if (saved) return saved.password;
  const password = randomBytes(18).toString("base64url");
  const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic(USER, "neo4j"));
  try {
    await setPasswordOnce(driver, password);
  } catch (error) {
    throw new Error(
      isCredentialsRefused(error)
        ? `could not set the generated password (${error.message}). The data folder was created with another password; ` +
            `restore ${credentialsFile} or delete the data folder to start afresh.`
        : `could not set the generated password (${(error as Error).message}).`,
    );
  } finally {
    await driver.close();
  }
  await writeFile(credentialsFile, JSON.stringify({ user: USER, password }, null, 2));
  await chmod(credentialsFile, 0o600);
  return password;
}

async function readCredentials(file: string): Promise<{ user: string; password: string } | null> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8"));
    return typeof parsed?.password === "string" ? parsed : null;
  } catch {
    return null;
  }
}

async function readPidFile(file: string): Promise<{ pid: number; boltPort: number } | null> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8"));
    return Number.isInteger(parsed?.pid) ? parsed : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopProcess(pid: number) {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

function lastLines(text: string, count: number) {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}
