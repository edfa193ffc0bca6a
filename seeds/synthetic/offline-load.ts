import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { type AdminImportOptions, adminImport } from "../../neo4j-local/admin-import.ts";
import { type LocalNeo4j, type StartMode, startLocalNeo4jOnFreePort } from "../../neo4j-local/launcher.ts";
import type { Neo4jConnection } from "../../server/config.ts";
import { createDriver } from "../../server/db/driver.ts";
import { Graph } from "../../server/db/graph.ts";
import { applySchema } from "../../server/db/schema.ts";
import { refreshChainStats } from "../../server/repositories/chain-stats.ts";
import { ARRAY_DELIMITER, writeSyntheticCsv } from "./csv-export.ts";
import { buildPlan, type Plan } from "./plan.ts";

export interface OfflineLoadOptions {
  seed: number;
  firms: number;
  /** A launcher state folder whose database is still empty (created when missing). */
  stateDir: string;
  /** Where the CSV files go; removed after the import unless keepCsv. */
  csvDir: string;
  keepCsv?: boolean;
  heap: string;
  pageCache: string;
  /** The import tool's own memory and threads (neo4j-local/admin-import.ts); its defaults otherwise. */
  importTool?: Pick<AdminImportOptions, "heap" | "maxOffHeap" | "threads" | "highParallelIo">;
  /** How the server on the imported store runs: detached by default (it outlives the command); throwaway for the bench and tests. */
  serverMode?: StartMode;
  log: (line: string) => void;
}

export interface OfflineLoadStats {
  seed: number;
  firms: number;
  nodes: number;
  relationships: number;
  /** Generator → CSV files (this process). */
  csvSeconds: number;
  csvBytes: number;
  /** neo4j-admin database import full, alone. */
  importSeconds: number;
  /** (nodes + relationships) / importSeconds. */
  importRecordsPerSecond: number;
  /** The tool's own time ("IMPORT DONE in …", without its JVM start) and the rate by it. */
  importToolSeconds: number;
  importToolRecordsPerSecond: number;
  /** The tool's phases as it times them (node import, id preparation, relationship import, linking, post-processing). */
  importPhases: { phase: string; seconds: number }[];
  /** Starting the server on the imported store (its first start also builds the system database). */
  startSeconds: number;
  /** The app's constraints, lookup and full-text indexes, created and populated after the bulk write. */
  schemaSeconds: number;
  /** The per-chain aggregates (:ChainStats) the chain list reads. */
  chainStatsSeconds: number;
  /** CSV to a usable database: every step above. */
  totalSeconds: number;
  /** (nodes + relationships) / totalSeconds. */
  endToEndRecordsPerSecond: number;
  /** Bytes under data/databases/neo4j and data/transactions/neo4j once the schema is in place. */
  storeBytes: number;
  transactionLogBytes: number;
}

export interface OfflineLoad {
  plan: Plan;
  stats: OfflineLoadStats;
  server: LocalNeo4j;
  connection: Neo4jConnection;
}

/**
 * First load of a synthetic ecosystem into an empty database, offline: the generator writes CSV,
 * neo4j-admin imports it with the server stopped, then the server starts on the store and the app's
 * schema (constraints, lookup and full-text indexes) and derived data (:ChainStats) are applied,
 * as `npm start` would on any database. The caller stops `server`.
 */
export async function offlineLoad(options: OfflineLoadOptions): Promise<OfflineLoad> {
  const { log } = options;
  const plan = buildPlan(options.seed, options.firms);
  const t0 = performance.now();
  log(`offline: writing CSV for ${options.firms} firms into ${options.csvDir}`);
  const csv = await writeSyntheticCsv(options.csvDir, options.seed, options.firms, plan);
  const t1 = performance.now();
  log(
    `offline: ${csv.nodes} nodes, ${csv.relationships} relationships, ${(csv.bytes / 2 ** 20).toFixed(0)} MiB of CSV in ${((t1 - t0) / 1000).toFixed(1)} s`,
  );
  const imported = await adminImport({
    stateDir: options.stateDir,
    nodeFiles: csv.nodeFiles,
    relationshipFiles: csv.relationshipFiles,
    arrayDelimiter: ARRAY_DELIMITER,
    ...options.importTool,
    log,
  });
  if (imported.nodes !== csv.nodes || imported.relationships !== csv.relationships)
    throw new Error(
      `neo4j-admin imported ${imported.nodes} nodes / ${imported.relationships} relationships of ${csv.nodes} / ${csv.relationships}`,
    );
  if (!options.keepCsv) await rm(options.csvDir, { recursive: true, force: true });
  const t2 = performance.now();
  const server = await startLocalNeo4jOnFreePort(
    {
      stateDir: options.stateDir,
      heap: options.heap,
      pageCache: options.pageCache,
      transactionTimeout: "1200s",
      transactionMemory: "4g",
      log,
    },
    options.serverMode ?? { detached: true },
  );
  const t3 = performance.now();
  const connection = { uri: server.uri, user: server.user, password: server.password, database: "neo4j" };
  const driver = createDriver(connection);
  let schemaSeconds = 0;
  let chainStatsSeconds = 0;
  try {
    const graph = new Graph(driver, "neo4j", 1_200_000);
    await applySchema(graph, { awaitSeconds: 3_600 });
    const t4 = performance.now();
    schemaSeconds = (t4 - t3) / 1000;
    await refreshChainStats(graph, 1_200_000);
    chainStatsSeconds = (performance.now() - t4) / 1000;
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    await driver.close();
  }
  const totalSeconds = (performance.now() - t0) / 1000;
  const records = csv.nodes + csv.relationships;
  const data = path.join(options.stateDir, "home", "data");
  return {
    plan,
    server,
    connection,
    stats: {
      seed: options.seed,
      firms: options.firms,
      nodes: csv.nodes,
      relationships: csv.relationships,
      csvSeconds: (t1 - t0) / 1000,
      csvBytes: csv.bytes,
      importSeconds: imported.seconds,
      importRecordsPerSecond: Math.round(records / imported.seconds),
      importToolSeconds: imported.toolSeconds,
      importToolRecordsPerSecond: Math.round(records / imported.toolSeconds),
      importPhases: imported.phases,
      startSeconds: (t3 - t2) / 1000,
      schemaSeconds,
      chainStatsSeconds,
      totalSeconds,
      endToEndRecordsPerSecond: Math.round(records / totalSeconds),
      storeBytes: await folderBytes(path.join(data, "databases", "neo4j")),
      transactionLogBytes: await folderBytes(path.join(data, "transactions", "neo4j")),
    },
  };
}

export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? await folderBytes(full) : (await stat(full)).size;
  }
  return total;
}
