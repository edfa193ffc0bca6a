import { mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type LocalNeo4jOptions, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from "../../../neo4j-local/launcher.ts";
import { testConnection, testGraph } from "../../helpers/graph.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) {
    await stopLocalNeo4j(dir);
    await rm(dir, { recursive: true, force: true });
  }
});

async function options(port: number, log: string[] = []): Promise<LocalNeo4jOptions> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-launcher-"));
  dirs.push(stateDir);
  return {
    stateDir,
    boltPort: port,
    heap: "512m",
    pageCache: "128m",
    transactionTimeout: "30s",
    transactionMemory: "256m",
    log: (l) => log.push(l),
  };
}

function listen(port = 0): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(port, "127.0.0.1", () => resolve(server));
  });
}

describe("the local Neo4j launcher", () => {
  it("refuses a Bolt port another program holds, with a clear message", async () => {
    const holder = await listen();
    const port = (holder.address() as net.AddressInfo).port;
    try {
      await expect(startLocalNeo4j(await options(port))).rejects.toThrow(`Bolt port ${port} on 127.0.0.1 is already in use`);
    } finally {
      holder.close();
    }
  });

  it("clears a stale pid file, starts once, and a second start reuses the running server", async () => {
    const probe = await listen();
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const log: string[] = [];
    const opts = await options(port, log);
    await writeFile(path.join(opts.stateDir, "neo4j.pid"), JSON.stringify({ pid: 2 ** 22 + 7, boltPort: port }));

    const first = await startLocalNeo4j(opts);
    expect(log.join("\n")).toMatch(/Removing stale pid file/);
    expect(first.startedHere).toBe(true);
    expect(first.password).not.toBe("neo4j");
    const second = await startLocalNeo4j(opts);
    expect(second.startedHere).toBe(false);
    expect(second.pid).toBe(first.pid);
    expect((await localNeo4jStatus(opts.stateDir)).running).toBe(true);

    await first.stop();
    expect((await localNeo4jStatus(opts.stateDir)).running).toBe(false);
  });
});

describe("the server the launcher configures", () => {
  it("listens on loopback only, with auth, a transaction timeout and a per-transaction memory cap", async (context) => {
    if (testConnection().source !== "local") context.skip();
    const graph = testGraph();
    try {
      const rows = await graph.runRaw(
        "SHOW SETTINGS YIELD name, value WHERE name IN ['server.default_listen_address', 'dbms.security.auth_enabled', 'db.transaction.timeout', 'db.memory.transaction.max'] RETURN name, value",
      );
      const settings = Object.fromEntries(rows.map((r) => [r.name, r.value]));
      expect(settings["server.default_listen_address"]).toBe("127.0.0.1");
      expect(settings["dbms.security.auth_enabled"]).toBe("true");
      expect(settings["db.transaction.timeout"]).not.toBe("0s");
      expect(settings["db.memory.transaction.max"]).not.toMatch(/^0/);
    } finally {
      await graph.driver.close();
    }
  });
});
