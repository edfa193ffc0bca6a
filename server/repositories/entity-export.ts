import { type EntityLabel, LABEL_BY_PREFIX, type RelationshipType } from "../../model/domain.ts";
import type { Graph } from "../db/graph.ts";
import type { Props } from "../import/read-records.ts";
import { IMPORT_TIMEOUT_MS } from "../import/write-ops.ts";

/** Pages through the entities of one label in id order, for the export. */
export async function* exportEntities(graph: Graph, label: EntityLabel, pageSize = 5000): AsyncGenerator<{ id: string; props: Props }[]> {
  const prefix = `${Object.entries(LABEL_BY_PREFIX).find(([, l]) => l === label)![0]}:`;
  let after = prefix;
  while (true) {
    const rows = await graph.read<{ id: string; props: Props }>(
      "export-import-entities",
      { label, prefix, after, limit: pageSize },
      IMPORT_TIMEOUT_MS,
    );
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) return;
  }
}

/** Pages through ties of the given types, grouped by start node in id order, for the export. */
export async function* exportRelations(
  graph: Graph,
  types: RelationshipType[],
  pageSize = 5000,
): AsyncGenerator<{ type: RelationshipType; from: string; to: string; key: string; props: Props }[]> {
  let after = "";
  while (true) {
    const rows = await graph.read<{ cursor: string; type: RelationshipType | null; to: string; key: string; props: Props }>(
      "export-import-relations",
      { types, after, limit: pageSize },
      IMPORT_TIMEOUT_MS,
    );
    if (rows.length === 0) return;
    const ties = rows
      .filter((row) => row.type !== null)
      .map((row) => ({ type: row.type!, from: row.cursor, to: row.to, key: row.key, props: row.props }));
    if (ties.length > 0) yield ties;
    const starts = new Set(rows.map((row) => row.cursor));
    after = rows[rows.length - 1]!.cursor;
    if (starts.size < pageSize) return;
  }
}
