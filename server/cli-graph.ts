import { ConfigError, parseEnv } from "./config.ts";
import { connectNeo4j } from "./connect.ts";
import { createDriver } from "./db/driver.ts";
import { Graph } from "./db/graph.ts";
import { applySchema } from "./db/schema.ts";

/**
 * The frame of every command-line tool: parse the environment, connect (starting the local Neo4j
 * unless NEO4J_URI is set), apply the schema, run `work`, then close the driver and stop a Neo4j
 * started here. Resolves to the exit code; errors print one line (configuration errors say so).
 */
export async function runWithGraph(work: (graph: Graph) => Promise<number | undefined>, { timeoutMs }: { timeoutMs?: number } = {}) {
  try {
    const env = parseEnv();
    const target = await connectNeo4j(env, console.log);
    const driver = createDriver(target.connection);
    try {
      const graph = new Graph(driver, target.connection.database, timeoutMs ?? env.QUERY_TIMEOUT_MS);
      await applySchema(graph);
      return (await work(graph)) ?? 0;
    } finally {
      await driver.close();
      await target.release();
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? `configuration: ${error.message}` : (error as Error).message);
    return 1;
  }
}
