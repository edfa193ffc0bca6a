import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startLocalNeo4jOnFreePort } from "../neo4j-local/launcher.ts";
import type { Neo4jConnection } from "../server/config.ts";

export interface BenchNeo4j {
  connection: Neo4jConnection;
  source: "env" | "local";
  heap: string;
  pageCache: string;
  stop(): Promise<void>;
}

/** Memory for the bench's own server by size: the graph should fit the page cache, as in production. */
export function memoryFor(firms: number): { heap: string; pageCache: string } {
  if (firms >= 500_000) return { heap: "4g", pageCache: "4g" };
  if (firms >= 50_000) return { heap: "2g", pageCache: "2g" };
  return { heap: "1g", pageCache: "512m" };
}

/**
 * The given connection or NEO4J_URI when set (the server's own settings then apply), else a fresh
 * local server in a temp folder on a free port.
 */
export async function benchNeo4j(firms: number, log: (line: string) => void, given?: Neo4jConnection): Promise<BenchNeo4j> {
  if (given) return { connection: given, source: "env", heap: "as configured", pageCache: "as configured", stop: async () => {} };
  if (process.env.NEO4J_URI) {
    return {
      connection: {
        uri: process.env.NEO4J_URI,
        user: process.env.NEO4J_USER ?? "neo4j",
        password: process.env.NEO4J_PASSWORD ?? "",
        database: process.env.NEO4J_DATABASE ?? "neo4j",
      },
      source: "env",
      heap: process.env.NEO4J_HEAP ?? "unknown (external server)",
      pageCache: process.env.NEO4J_PAGECACHE ?? "unknown (external server)",
      stop: async () => {},
    };
  }
  const memory = memoryFor(firms);
  const stateDir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-bench-neo4j-"));
  // Throwaway: a bench stopped half-way (Ctrl-C, a kill) leaves no Neo4j holding 8 GiB behind.
  const server = await startLocalNeo4jOnFreePort(
    {
      stateDir,
      heap: memory.heap,
      pageCache: memory.pageCache,
      transactionTimeout: "600s",
      transactionMemory: "2g",
      log,
    },
    { throwaway: true },
  );
  return {
    connection: { uri: server.uri, user: server.user, password: server.password, database: "neo4j" },
    source: "local",
    ...memory,
    stop: async () => {
      await server.stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
