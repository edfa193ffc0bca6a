import type { TestProject } from "vitest/node";
import type { Neo4jConnection } from "../../server/config.ts";
import { createDriver } from "../../server/db/driver.ts";
import { Graph } from "../../server/db/graph.ts";
import { applySchema } from "../../server/db/schema.ts";
import { seedFromDir } from "../../server/seed/demo-seed.ts";
import { loadStretch, scaledTimeout } from "../helpers/load-timeouts.ts";
import { startThrowawayNeo4j } from "../helpers/throwaway-neo4j.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jConnection & { source: "env" | "testcontainers" | "local"; pid?: number; stateDir?: string };
    /** How long this run's Neo4j took to start and take the demo data (ms): the machine's load, measured. */
    neo4jStartMs: number;
    /** The project's quiet-machine timeouts stretched by that load (tests/setup/scaled-timeouts.ts applies them). */
    timeouts: Pick<import("vitest").RuntimeConfig, "testTimeout" | "hookTimeout" | "expect">;
  }
}

type Started = { connection: ProvidedContext; startMs: number; teardown: () => Promise<void> };
type Shared = { started: Promise<Started>; users: number };

// Vitest runs each project's globalSetup in the same main process but through its own module
// graph, so module state is not shared between the integration and e2e projects. `globalThis` is:
// the first project starts the server, the others reuse it, and the last teardown stops it.
const sharedKey = Symbol.for("chain-atlas.test-neo4j");
const registry = globalThis as unknown as Record<symbol, Shared | undefined>;

/**
 * One real Neo4j for the whole run, whichever projects it includes: NEO4J_URI when set, else a
 * testcontainer where a Docker engine answers, else a fresh local Community server in a temporary
 * folder on a free port (retried if another process takes it first; stopped by a watchdog if this run
 * is killed). The schema and the demo data are loaded once; tests add their own data.
 */
export default async function setup(project: TestProject) {
  let shared = registry[sharedKey];
  if (!shared) {
    shared = { started: startNeo4j(), users: 0 };
    registry[sharedKey] = shared;
  }
  shared.users += 1;
  const { connection, startMs, teardown } = await shared.started;
  project.provide("neo4j", connection);
  project.provide("neo4jStartMs", startMs);
  const { testTimeout, hookTimeout, expect } = project.config;
  project.provide("timeouts", {
    testTimeout: scaledTimeout(testTimeout, startMs),
    hookTimeout: scaledTimeout(hookTimeout, startMs),
    expect: { ...expect, poll: { ...expect?.poll, timeout: scaledTimeout(expect?.poll?.timeout ?? 1_000, startMs) } },
  });
  return async () => {
    if (!shared) return;
    shared.users -= 1;
    if (shared.users > 0) return;
    registry[sharedKey] = undefined;
    await teardown();
  };
}

async function startNeo4j(): Promise<Started> {
  const began = performance.now();
  let teardown: () => Promise<void> = async () => {};
  let connection: ProvidedContext;

  if (process.env.NEO4J_URI) {
    connection = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: process.env.NEO4J_DATABASE ?? "neo4j",
      source: "env",
    };
  } else if (await dockerAnswers()) {
    const { Neo4jContainer } = await import("@testcontainers/neo4j");
    const container = await new Neo4jContainer("neo4j:5.26-community").start();
    connection = {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: "neo4j",
      source: "testcontainers",
    };
    teardown = async () => {
      await container.stop();
    };
  } else {
    const { server, stateDir, destroy } = await startThrowawayNeo4j({ heap: "1g", pageCache: "512m", transactionMemory: "1g" });
    connection = {
      uri: server.uri,
      user: server.user,
      password: server.password,
      database: "neo4j",
      source: "local",
      pid: server.pid,
      stateDir,
    };
    teardown = destroy;
  }

  const driver = createDriver(connection);
  try {
    const graph = new Graph(driver, connection.database, 60_000);
    await applySchema(graph);
    await seedFromDir(graph);
  } finally {
    await driver.close();
  }
  const startMs = Math.round(performance.now() - began);
  console.log(
    `Test Neo4j (${connection.source}) ready in ${(startMs / 1000).toFixed(1)} s: timeouts stretched ${loadStretch(startMs).toFixed(2)}×`,
  );
  return { connection, startMs, teardown };
}

type ProvidedContext = import("vitest").ProvidedContext["neo4j"];

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import("testcontainers");
    await Promise.race([getContainerRuntimeClient(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 5_000))]);
    return true;
  } catch {
    return false;
  }
}
