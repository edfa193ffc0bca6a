import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Graph, WriteCounts } from "../db/graph.ts";
import { refreshChainStats } from "../repositories/chain-stats.ts";
import { loadSeedRows } from "./load-seed.ts";
import { readSeedDir } from "./read-seed-dir.ts";
import { toGraphRows } from "./to-graph-rows.ts";

/** The demo data stays in seeds/ (data and its CLIs); the loader lives here, in the server. */
export const DEMO_SEED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../seeds/demo");

/** Validates every seed file first (nothing is written if any record is bad), then loads them. */
export async function seedFromDir(
  graph: Graph,
  dir: string = DEMO_SEED_DIR,
  progress?: (done: number, total: number, what: string) => void,
): Promise<WriteCounts> {
  const seed = await readSeedDir(dir);
  const counts = await loadSeedRows(graph, toGraphRows(seed), progress);
  await refreshChainStats(graph);
  return counts;
}
