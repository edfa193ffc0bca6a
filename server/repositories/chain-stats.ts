import { createHash } from "node:crypto";
import type { Graph, NamedTransaction } from "../db/graph.ts";
import { loadQueries } from "../db/queries.ts";
import { derivedDataState, inputCountsIn, markDerivedDataIn } from "./derived-data-marks.ts";

/**
 * The per-chain aggregates (cypher/refresh-chain-stats.cypher): firms per (region, segment) and
 * the regions holding each chain's firms. Every write that can move a firm rewrites them — an
 * import or revert inside its own transaction (so they commit or roll back with it), the seed and
 * synthetic loaders after their writes, the app at startup when the graph changed outside the
 * app — so the chain list and the relatedness proximities read one small node per chain instead
 * of every firm of the chain.
 * The cost is on the write side: one pass over the firms of every chain (seconds at 1M firms).
 */

/** The rules' version: the refresh query itself, so a start under a changed query refreshes once. */
export const CHAIN_STATS_VERSION = createHash("sha256").update(loadQueries()["refresh-chain-stats"]).digest("hex").slice(0, 12);

/**
 * Refreshes every chain's stats and marks the counts they were computed from, in the caller's
 * transaction. The counts are read first (the transaction's own writes included): a write another
 * transaction commits during the refresh leaves the mark behind the graph, never ahead of it.
 */
export async function refreshChainStatsIn(tx: NamedTransaction) {
  const counts = await inputCountsIn(tx);
  const rows = await tx.run<{ chains: number }>("refresh-chain-stats", { at: new Date().toISOString() });
  await markDerivedDataIn(tx, "chain-stats", counts, CHAIN_STATS_VERSION);
  return rows;
}

export async function refreshChainStats(graph: Graph, timeoutMs?: number): Promise<number> {
  const [row] = await graph.writeTransaction((tx) => refreshChainStatsIn(tx), timeoutMs);
  return row?.chains ?? 0;
}

/**
 * The start-up refresh, for writes made outside the app's loaders (a restored dump, hand-written
 * Cypher): runs only when the counts it is computed from or its query differ from the last
 * refresh's mark. Returns the chains refreshed, or undefined when the stats were current.
 */
export async function refreshChainStatsIfChanged(graph: Graph, timeoutMs?: number): Promise<number | undefined> {
  const { current } = await derivedDataState(graph, "chain-stats", CHAIN_STATS_VERSION);
  return current ? undefined : refreshChainStats(graph, timeoutMs);
}
