import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Graph, WriteCounts } from "../server/db/graph.ts";
import { loadSeedRows } from "./load-seed.ts";
import { readSeedDir } from "./read-seed-dir.ts";
import { toGraphRows } from "./to-graph-rows.ts";

export const DEMO_SEED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "demo");

/** Validates every seed file first (nothing is written if any record is bad), then loads them. */
export async function seedFromDir(
  graph: Graph,
  dir: string = DEMO_SEED_DIR,
  progress?: (done: number, total: number, what: string) => void,
): Promise<WriteCounts> {
  const seed = await readSeedDir(dir);
  return loadSeedRows(graph, toGraphRows(seed), progress);
}
