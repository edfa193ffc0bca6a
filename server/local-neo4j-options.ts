import path from "node:path";
import type { LocalNeo4jOptions } from "../neo4j-local/launcher.ts";
import type { Env } from "./config.ts";

/** Launcher settings from the parsed environment; the server-side timeout backs up the driver's. */
export function localNeo4jOptions(env: Env, log: (line: string) => void = console.log): LocalNeo4jOptions {
  return {
    stateDir: path.resolve(env.NEO4J_STATE_DIR),
    boltPort: env.NEO4J_BOLT_PORT,
    heap: env.NEO4J_HEAP,
    pageCache: env.NEO4J_PAGECACHE,
    transactionTimeout: `${Math.ceil((env.QUERY_TIMEOUT_MS * 4) / 1000)}s`,
    transactionMemory: "1g",
    log,
  };
}
