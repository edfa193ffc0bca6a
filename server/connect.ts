import { startLocalNeo4j, startLocalNeo4jOnFreePort } from "../neo4j-local/launcher.ts";
import type { Env, Neo4jConnection } from "./config.ts";
import { localNeo4jOptions } from "./local-neo4j-options.ts";

export interface Neo4jTarget {
  connection: Neo4jConnection;
  /** Stops the local server if this process started it; a no-op for external or reused ones. */
  release(): Promise<void>;
  description: string;
}

/**
 * Where the app's Neo4j is: the one NEO4J_URI names (cluster, Aura, Docker), or else the local
 * Community server under NEO4J_STATE_DIR, started here unless `npm run db:start` already runs it.
 */
export async function connectNeo4j(env: Env, log: (line: string) => void): Promise<Neo4jTarget> {
  if (env.NEO4J_URI) {
    return {
      connection: { uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD ?? "", database: env.NEO4J_DATABASE },
      release: async () => {},
      description: env.NEO4J_URI,
    };
  }
  const options = localNeo4jOptions(env, log);
  const local = options.boltPort === 0 ? await startLocalNeo4jOnFreePort(options) : await startLocalNeo4j(options);
  return {
    connection: { uri: local.uri, user: local.user, password: local.password, database: env.NEO4J_DATABASE },
    release: async () => {
      if (local.startedHere) await local.stop();
    },
    description: `local Neo4j at ${local.uri}${local.startedHere ? "" : " (already running)"}`,
  };
}
