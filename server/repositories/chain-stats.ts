import type { Graph, NamedTransaction } from "../db/graph.ts";

/**
 * The per-chain aggregates (cypher/refresh-chain-stats.cypher): firms per (region, segment) and
 * the regions holding each chain's firms. Every write that can move a firm rewrites them — an
 * import or revert inside its own transaction (so they commit or roll back with it), the seed and
 * synthetic loaders after their writes, the app at startup — so the chain list and the relatedness
 * proximities read one small node per chain instead of every firm of the chain.
 * The cost is on the write side: one pass over the firms of every chain (seconds at 1M firms).
 */
export function refreshChainStatsIn(tx: NamedTransaction) {
  return tx.run<{ chains: number }>("refresh-chain-stats", { at: new Date().toISOString() });
}

export async function refreshChainStats(graph: Graph, timeoutMs?: number): Promise<number> {
  const [row] = await graph.writeTransaction((tx) => refreshChainStatsIn(tx), timeoutMs);
  return row?.chains ?? 0;
}
