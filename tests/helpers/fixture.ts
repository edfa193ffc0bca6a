import { SEED_FILES, type SeedFileName } from "../../model/domain.ts";
import type { Graph } from "../../server/db/graph.ts";
import { loadSeedRows } from "../../server/seed/load-seed.ts";
import type { SeedData } from "../../server/seed/read-seed-dir.ts";
import { toGraphRows } from "../../server/seed/to-graph-rows.ts";

type Loose = { [F in SeedFileName]?: Record<string, unknown>[] };

/**
 * Loads a small graph written like seed files (validated by the same schemas), through the
 * real loader, so a test states its data in the model's own terms. Returns the ids to remove.
 */
export async function loadFixture(graph: Graph, records: Loose): Promise<string[]> {
  const seed = {} as Record<SeedFileName, unknown[]>;
  for (const [file, { schema }] of Object.entries(SEED_FILES) as [SeedFileName, (typeof SEED_FILES)[SeedFileName]][]) {
    seed[file] = (records[file] ?? []).map((record) => schema.parse(record));
  }
  await loadSeedRows(graph, toGraphRows(seed as SeedData));
  return Object.entries(records)
    .filter(([file]) => file !== "relations.json" && file !== "documents.json")
    .flatMap(([, list]) => (list ?? []).map((r) => String(r.id)));
}

export async function removeFixture(graph: Graph, ids: string[]): Promise<void> {
  await graph.runRaw("MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n", { ids });
}

/** A record's provenance in fixtures: they are not facts from any document. */
export const FIXTURE = { assumption: "test fixture" } as const;
