import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type LocalNeo4j, type LocalNeo4jOptions, startLocalNeo4j, startLocalNeo4jOnFreePort } from "../../../neo4j-local/launcher.ts";
import type { Neo4jConnection } from "../../../server/config.ts";

/**
 * A second, throwaway local Neo4j that a test may stop, start and break at will, leaving the
 * run's shared database alone. Small heap: it holds a handful of records. Should the run be
 * killed, even mid-freeze, a watchdog stops it and removes its folder (neo4j-local/orphan-watchdog.ts).
 */
export class ScratchNeo4j {
  private server: LocalNeo4j | null = null;
  /** Chosen at the first start (a free port, retried if raced); later starts reuse it. */
  private boltPort: number | null = null;
  private constructor(readonly options: Omit<LocalNeo4jOptions, "boltPort">) {}

  static async create(overrides: Partial<Omit<LocalNeo4jOptions, "boltPort">> = {}): Promise<ScratchNeo4j> {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-scratch-neo4j-"));
    const scratch = new ScratchNeo4j({
      stateDir,
      heap: "384m",
      pageCache: "64m",
      transactionTimeout: "60s",
      transactionMemory: "256m",
      log: () => {},
      ...overrides,
    });
    try {
      await scratch.start();
    } catch (error) {
      await rm(stateDir, { recursive: true, force: true });
      throw error;
    }
    return scratch;
  }

  get connection(): Neo4jConnection {
    if (!this.server) throw new Error("scratch Neo4j is not running");
    return { uri: this.server.uri, user: this.server.user, password: this.server.password, database: "neo4j" };
  }

  get port(): number {
    if (this.boltPort === null) throw new Error("scratch Neo4j never started");
    return this.boltPort;
  }

  get pid(): number | undefined {
    return this.server?.pid;
  }

  /** Starts it, or starts it again on the same data folder and port after stop(). */
  async start(): Promise<void> {
    if (this.boltPort === null) {
      this.server = await startLocalNeo4jOnFreePort(this.options, { throwaway: true });
      this.boltPort = Number(new URL(this.server.uri).port);
    } else {
      this.server = await startLocalNeo4j({ ...this.options, boltPort: this.boltPort }, { throwaway: true });
    }
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** Lets a server a test froze (SIGSTOP) run again; nothing if it is gone (killed, or a restart failed). */
  thaw(): void {
    if (!this.server) return;
    try {
      process.kill(this.server.pid, "SIGCONT");
    } catch {}
  }

  /** Stops the server and removes its folder, whatever state a failed test left it in (frozen, killed, never restarted). */
  async destroy(): Promise<void> {
    try {
      this.thaw();
      await this.stop();
    } finally {
      this.server = null;
      await rm(this.options.stateDir, { recursive: true, force: true });
    }
  }

  async neo4jConf(): Promise<string> {
    return readFile(path.join(this.options.stateDir, "home", "conf", "neo4j.conf"), "utf8");
  }
}

/** Local addresses listening on a TCP port, from /proc/net/tcp{,6} (Linux): "127.0.0.1", "::1", "0.0.0.0"… */
export async function listeningAddresses(port: number): Promise<string[]> {
  const found: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = await readFile(file, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue; // 0A = LISTEN
      const [hexAddress, hexPort] = local.split(":") as [string, string];
      if (Number.parseInt(hexPort, 16) === port) found.push(decodeAddress(hexAddress));
    }
  }
  return found;
}

function decodeAddress(hex: string): string {
  const bytes =
    hex.length === 8
      ? (hex.match(/.{2}/g) ?? []).reverse()
      : (hex.match(/.{8}/g) ?? []).flatMap((word) => (word.match(/.{2}/g) ?? []).reverse());
  const octets = bytes.map((b) => Number.parseInt(b, 16));
  if (octets.length === 4) return octets.join(".");
  const isMapped = octets.slice(0, 10).every((o) => o === 0) && octets[10] === 0xff && octets[11] === 0xff;
  if (isMapped) return `::ffff:${octets.slice(12).join(".")}`;
  if (octets.every((o, i) => o === (i === 15 ? 1 : 0))) return "::1";
  if (octets.every((o) => o === 0)) return "::";
  return bytes.join("").toLowerCase();
}

/** An audit entry to write through the app: the smallest write a fault test can ask for. */
export function probeAuditEntry(actor: string) {
  return { actor, role: "editor", method: "POST", route: "/probe", url: "/probe", status: 200, target: "{}", summary: "", ip: "" };
}
