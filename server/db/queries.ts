import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CYPHER_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "cypher");

/**
 * Every query file in cypher/, by name (the file name without .cypher). A test keeps this list
 * and the folder in step, and fails when a query is never used by the code.
 */
export const QUERY_NAMES = [
  "ping",
  "count-entities",
  "list-schema-names",
  "merge-documents",
  "merge-entities",
  "merge-relations",
  // explore: search, node detail, neighbours, paths, lists, export
  "search-entities",
  "search-figures",
  "search-initials",
  "list-entity-names-page",
  "set-name-initials",
  "find-search-keys-version",
  "mark-search-keys-version",
  "get-node",
  "expand-neighbors",
  "get-subgraph",
  "find-missing-entities",
  "find-paths",
  "list-regions",
  "list-chains",
  "get-chain",
  "list-documents",
  // synthetic ecosystem generator (seeds/synthetic)
  "create-synthetic-nodes",
  "create-synthetic-firms",
  "create-synthetic-relations",
  "delete-synthetic-batch",
  "count-synthetic",
  "list-synthetic-page",
  // benchmark (bench/)
  "label-bench-probe",
  "warm-bench-cache",
  "count-synthetic-firms",
  // analysis: gaps, map, targets, compare
  "find-local-regions",
  "find-chain-header",
  "find-segment-coverage",
  "find-segment-flows",
  "find-chain-leaders",
  "find-chain-support",
  "find-documents-by-id",
  "find-entities-by-id",
  "find-chain-map-firms",
  "find-supply-ties-among",
  "rank-recruitment-candidates",
  "find-target-evidence",
  "find-partner-regions",
  "find-segment-region-counts",
  "refresh-chain-stats",
  "find-chain-stats",
  // what the derived data (chain stats, score parts) was last made current for (server/repositories/derived-data-marks.ts)
  "count-derived-data-inputs",
  "find-derived-data-mark",
  "mark-derived-data",
  // per-firm score parts (server/repositories/firm-score-parts.ts)
  "find-stale-firm-score-parts",
  "count-stale-firm-score-parts",
  "write-firm-score-parts",
  "refresh-firm-score-parts",
  "count-segment-candidates",
  "append-audit-entry",
  "list-audit-entries",
  // spreadsheet import, revert and export (server/import)
  "find-import-candidates",
  "bump-data-version",
  "find-import-entities",
  "find-existing-ids",
  "find-import-relations",
  "merge-import-documents",
  "merge-import-entities",
  "merge-import-relations",
  "record-import-batch",
  "list-import-batches",
  "find-import-batch",
  "find-import-revert-conflicts",
  "delete-import-relations",
  "delete-import-entities",
  "delete-import-documents",
  "revert-import-batch",
  "export-import-entities",
  "export-import-relations",
  "record-import-undo",
  "list-import-undo",
  "delete-import-undo",
  "update-import-batch",
  "find-unfinished-import-batches",
  "claim-import-lock",
  "set-import-lock",
  "beat-import-lock",
  "read-import-lock",
  "stage-import-entities",
  "publish-import-entities",
  // scenarios, resilience and change reports (server/scenarios, server/resilience)
  "find-firm-ties",
  "find-region-province",
  "find-scenario",
  "list-scenarios",
  "save-scenario",
  "delete-scenario",
  "find-reverted-firms",
  // 图表包 and 区域分布图 (server/pack, server/geo)
  "find-distribution-points",
  "save-region-boundary",
  "find-region-boundary",
  "delete-region-boundary",
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];
export type QueryMap = Readonly<Record<QueryName, string>>;

let cached: QueryMap | undefined;

/** Reads cypher/*.cypher once; a missing file fails at start-up, not at the first request. */
export function loadQueries(): QueryMap {
  if (cached) return cached;
  const present = new Set(readdirSync(CYPHER_DIR).filter((f) => f.endsWith(".cypher")));
  const map = {} as Record<QueryName, string>;
  for (const name of QUERY_NAMES) {
    const file = `${name}.cypher`;
    if (!present.has(file)) throw new Error(`query file cypher/${file} is missing`);
    map[name] = readFileSync(path.join(CYPHER_DIR, file), "utf8");
  }
  cached = Object.freeze(map);
  return cached;
}
