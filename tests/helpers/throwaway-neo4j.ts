import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type LocalNeo4j, startLocalNeo4jOnFreePort } from "../../neo4j-local/launcher.ts";

export interface ThrowawayNeo4j {
  server: LocalNeo4j;
  stateDir: string;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
}

/**
 * A local Neo4j in a fresh temporary folder on a free port, for one test run. It is `throwaway`:
 * should the process that started it die without destroy() (Ctrl-C twice, SIGKILL, a CI
 * timeout), a watchdog stops the server and removes the folder (neo4j-local/orphan-watchdog.ts).
 */
export async function startThrowawayNeo4j(memory: { heap: string; pageCache: string; transactionMemory: string }): Promise<ThrowawayNeo4j> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-test-neo4j-"));
  let server: LocalNeo4j;
  try {
    server = await startLocalNeo4jOnFreePort({ stateDir, ...memory, transactionTimeout: "60s", log: () => {} }, { throwaway: true });
  } catch (error) {
    await rm(stateDir, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    stateDir,
    async destroy() {
      await server.stop();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
