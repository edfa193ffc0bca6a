import { setTimeout as sleep } from "node:timers/promises";
import { isNeo4jUnavailable } from "./db/errors.ts";
import type { Graph } from "./db/graph.ts";
import { applySchema } from "./db/schema.ts";
import { refreshChainStatsIfChanged } from "./repositories/chain-stats.ts";
import { backfillFirmScoreParts } from "./repositories/firm-score-parts.ts";
import { backfillNameInitials } from "./repositories/name-initials.ts";
import { seedFromDir } from "./seed/demo-seed.ts";
import { recoverInterruptedImports } from "./services/import-revert.ts";

/**
 * Makes the database usable: waits for it (a container may still be starting), applies the
 * schema, gives entities loaded by older code their search keys (pinyin initials), rolls back
 * imports a killed process left half-written, loads the demo data when the database holds no
 * entities yet, and brings the derived data (chain stats, firm score parts) up to date when the
 * graph changed outside the app. On an unchanged database each step is a marker or count read.
 */
export async function prepareDatabase(graph: Graph, { seedOnEmpty, log }: { seedOnEmpty: boolean; log: (line: string) => void }) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await graph.read("ping");
      break;
    } catch (error) {
      if (!isNeo4jUnavailable(error) || Date.now() > deadline) throw error;
      log("Waiting for Neo4j to accept connections...");
      await sleep(2_000);
    }
  }
  await applySchema(graph);
  await backfillNameInitials(graph, log);
  const recovered = await recoverInterruptedImports(graph, undefined, log);
  if (recovered.length > 0) log(`Rolled back ${recovered.length} import(s) a stopped process left half-written: ${recovered.join(", ")}`);
  const row = await graph.readOne<{ entities: number }>("count-entities");
  if (seedOnEmpty && row?.entities === 0) {
    log("Empty database: loading the demo data from seeds/demo ...");
    const counts = await seedFromDir(graph);
    log(`Demo data loaded: ${counts.nodesCreated} nodes, ${counts.relationshipsCreated} relationships.`);
  }
  // Writes made outside the app's loaders (a restored dump, hand-written Cypher) are caught here.
  // Every loader of the app refreshes the stats itself and marks the counts they were computed
  // from, so an unchanged graph skips this pass (8–33 s at 1M firms) after one O(1) count read;
  // when it runs, the app listens only after it, so the chain list never lags the graph it shows.
  const refreshed = await refreshChainStatsIfChanged(graph, 1_200_000);
  if (refreshed !== undefined) log(`Chain stats refreshed for ${refreshed} chain(s): the graph changed since they were last written.`);
  // Firms a loader, hand-written Cypher or an older version left without their score parts (or
  // with parts of another weight table) get them before the first ranking; the walk over the firms
  // runs only when the firm count or the weight table changed since the last one.
  const backfilled = await backfillFirmScoreParts(graph);
  if (backfilled > 0) log(`Score parts written for ${backfilled} firm(s).`);
}
