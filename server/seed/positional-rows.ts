import type { EntityRow, RelationRow } from "./to-graph-rows.ts";

/**
 * Rows sent as lists, not maps. A map repeats its keys in every row; for 10,000 firms of ten
 * properties, packing, sending and unpacking those maps took about as long as writing the firms
 * (docs/scaling.md, "Online load"). A list carries the values in a fixed column order instead.
 */

/** The column order of `cypher/create-synthetic-firms.cypher`, the synthetic generator's firm query (a unit test reads the file against it). */
export const FIRM_COLUMNS = [
  "id",
  "name",
  "nameEn",
  "aliases",
  "aliasesText",
  "nameInitials",
  "tags",
  "weightScore",
  "scorePartsVersion",
  "marketScope",
] as const;

const FIRM_COLUMN_SET = new Set<string>(FIRM_COLUMNS);

/** A firm's properties in FIRM_COLUMNS order; an absent optional one is null, which the query's SET skips. */
export function firmRowValues(row: EntityRow): unknown[] {
  for (const key of Object.keys(row.props))
    if (!FIRM_COLUMN_SET.has(key)) throw new Error(`firm property ${key} has no column in FIRM_COLUMNS`);
  return FIRM_COLUMNS.map((column) => row.props[column] ?? null);
}

/** A relationship as [from, to, key, props] (`cypher/create-synthetic-relations.cypher`). */
export function relRowValues(row: RelationRow): unknown[] {
  return [row.from, row.to, row.key, row.props];
}
