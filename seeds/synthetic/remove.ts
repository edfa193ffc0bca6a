import type { Graph } from "../../server/db/graph.ts";
import { refreshChainStats } from "../../server/repositories/chain-stats.ts";

/**
 * Deletes every :Synthetic node with its relationships, a batch per transaction so the
 * transaction state stays small; real (non-synthetic) nodes are never matched.
 */
export async function removeSynthetic(
  graph: Graph,
  { batchSize = 5_000, progress }: { batchSize?: number; progress?: (done: number, total: number) => void } = {},
): Promise<{ nodesDeleted: number; relationshipsDeleted: number }> {
  const before = await graph.readOne<{ nodes: number }>("count-synthetic");
  const total = before?.nodes ?? 0;
  let nodesDeleted = 0;
  let relationshipsDeleted = 0;
  for (;;) {
    const counts = await graph.writeTransaction((tx) => tx.runCounted("delete-synthetic-batch", { batch: batchSize }), 300_000);
    if (counts.nodesDeleted === 0) break;
    nodesDeleted += counts.nodesDeleted;
    relationshipsDeleted += counts.relationshipsDeleted;
    progress?.(nodesDeleted, Math.max(total, nodesDeleted));
  }
  if (nodesDeleted > 0) await refreshChainStats(graph, 1_200_000);
  return { nodesDeleted, relationshipsDeleted };
}
