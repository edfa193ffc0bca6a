import { inject } from "vitest";
import { buildApp } from "../../server/app.ts";
import type { Config } from "../../server/config.ts";
import { createDriver } from "../../server/db/driver.ts";
import { Graph } from "../../server/db/graph.ts";

export function testConnection() {
  return inject("neo4j");
}

/** The environment a child process (the app, the CLI) needs to reach the test Neo4j. */
export function testNeo4jEnv(): Record<string, string> {
  const { uri, user, password, database } = testConnection();
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const { uri, user, password, database } = testConnection();
  return {
    port: 0,
    host: "127.0.0.1",
    logLevel: "silent",
    neo4j: { uri, user, password, database },
    queryTimeoutMs: 15_000,
    webDistDir: "/nonexistent-web-dist",
    ...overrides,
  };
}

/** A Graph on the run's Neo4j; close its driver in afterAll. */
export function testGraph(): Graph {
  const connection = testConnection();
  return new Graph(createDriver(connection), connection.database, 30_000);
}

/** The app wired to the run's Neo4j, not listening; drive it with app.inject. */
export async function testApp(overrides: Partial<Config> = {}) {
  const app = await buildApp(testConfig(overrides));
  await app.ready();
  return app;
}
