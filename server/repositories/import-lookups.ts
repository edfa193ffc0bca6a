import type { Graph, NamedTransaction, Params, Row } from "../db/graph.ts";
import type { QueryName } from "../db/queries.ts";
import { chunks, type ImportLookups, tieIdentity } from "../import/plan.ts";
import type { Props } from "../import/read-records.ts";
import type { Candidate } from "../import/resolve-names.ts";
import { IMPORT_TIMEOUT_MS } from "../import/write-ops.ts";

type Runner = (name: QueryName, params: Params) => Promise<Row[]>;

/** Look-ups in the current data, each its own read: a dry run, or a chunked import under its lease. */
export function lookupsInGraph(graph: Graph): ImportLookups {
  return lookupsFor((name, params) => graph.read(name, params, IMPORT_TIMEOUT_MS));
}

/** Look-ups inside an import's write transaction, so the plan sees exactly the data it overwrites. */
export function lookupsInTransaction(tx: NamedTransaction): ImportLookups {
  return lookupsFor((name, params) => tx.run(name, params));
}

/** The database side of planning: answers which ids, properties and ties exist. */
function lookupsFor(run: Runner): ImportLookups {
  return {
    async entityProps(ids) {
      const rows = await run("find-import-entities", { ids, limit: ids.length });
      return new Map(rows.map((row) => [row.id as string, row.props as Props]));
    },
    async existingIds(ids) {
      const rows = await run("find-existing-ids", { ids, limit: ids.length });
      return new Set(rows.map((row) => row.id as string));
    },
    async relationProps(type, ties) {
      const rows = await run("find-import-relations", {
        type,
        rows: ties.map(({ from, to, key }) => ({ from, to, key })),
        limit: ties.length * 2,
      });
      return new Map(rows.map((row) => [tieIdentity(row as { from: string; to: string; key: string }), row.props as Props]));
    },
    async candidates(label, { names, ids, codes }) {
      const found: Candidate[] = [];
      const keys = [
        ...names.map((v) => ["names", v] as const),
        ...ids.map((v) => ["ids", v] as const),
        ...codes.map((v) => ["codes", v] as const),
      ];
      // Each look-up scans the label once; chunks keep its lists, and its answer, bounded.
      for (const part of chunks(keys)) {
        const pick = (kind: string) => part.filter(([k]) => k === kind).map(([, v]) => v);
        // A name may be shared by a few records (that is what the matching reports), never by thousands.
        const params = { label, names: pick("names"), ids: pick("ids"), codes: pick("codes"), limit: 20 * part.length };
        found.push(...((await run("find-import-candidates", params)) as unknown as Candidate[]));
      }
      return found;
    },
  };
}
