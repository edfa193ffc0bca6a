import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Config } from "../config.ts";
import { createDriver } from "../db/driver.ts";
import { Graph } from "../db/graph.ts";

declare module "fastify" {
  interface FastifyInstance {
    graph: Graph;
  }
}

/** Opens the driver (lazily: it connects at the first query) and closes it with the app. */
export const neo4jPlugin = fp(
  async (app: FastifyInstance, config: Config) => {
    const driver = createDriver(config.neo4j);
    app.decorate("graph", new Graph(driver, config.neo4j.database, config.queryTimeoutMs));
    app.addHook("onClose", async () => driver.close());
  },
  { name: "neo4j" },
);
