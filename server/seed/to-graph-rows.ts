import { type EntityLabel, LABEL_BY_PREFIX, type RelationshipType } from "../../model/domain.ts";
import { relationKey } from "../../model/relation-key.ts";
import { nameInitials } from "../search/name-initials.ts";
import type { SeedData } from "./read-seed-dir.ts";

/** Scalar or array-of-scalar values only: what a Neo4j property can hold. */
export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface EntityRow {
  id: string;
  props: Props;
}
export interface RelationRow {
  from: string;
  to: string;
  key: string;
  props: Props;
}

export interface GraphRows {
  documents: EntityRow[];
  entities: Map<EntityLabel, EntityRow[]>;
  relations: Map<RelationshipType, RelationRow[]>;
}

interface WithProvenance {
  sources?: { doc: string; quote: string }[];
  assumption?: string;
}

/** Provenance as Neo4j can store it: parallel arrays of document ids and quoted sentences. */
export function provenanceProps(record: WithProvenance): Props {
  const props: Props = {
    sourceDocs: (record.sources ?? []).map((s) => s.doc),
    sourceQuotes: (record.sources ?? []).map((s) => s.quote),
  };
  if (record.assumption) props.assumption = record.assumption;
  return props;
}

/** Drops undefined values and empty arrays (Neo4j stores neither meaningfully). */
export function cleanProps(input: Record<string, unknown>): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    props[key] = value as PropValue;
  }
  return props;
}

function entityRow(record: Record<string, unknown> & WithProvenance & { id: string }): EntityRow {
  const { sources: _sources, assumption: _assumption, ...rest } = record;
  const aliases = (record.aliases as string[] | undefined) ?? [];
  return {
    id: record.id,
    props: {
      ...cleanProps(rest),
      ...provenanceProps(record),
      aliasesText: aliases.join(" "),
      nameInitials: nameInitials(record.name, aliases),
    },
  };
}

/** Turns validated seed files into batches the merge queries take, grouped by label and type. */
export function toGraphRows(seed: SeedData): GraphRows {
  const entities = new Map<EntityLabel, EntityRow[]>();
  const relations = new Map<RelationshipType, RelationRow[]>();
  const pushEntity = (row: EntityRow) => {
    const label = LABEL_BY_PREFIX[row.id.split(":")[0] as keyof typeof LABEL_BY_PREFIX];
    entities.set(label, [...(entities.get(label) ?? []), row]);
  };
  const pushRelation = (type: RelationshipType, row: RelationRow) => relations.set(type, [...(relations.get(type) ?? []), row]);

  for (const file of [
    "regions.json",
    "chains.json",
    "segments.json",
    "organizations.json",
    "firms.json",
    "funds.json",
    "institutes.json",
    "parks.json",
    "projects.json",
    "figures.json",
  ] as const) {
    for (const record of seed[file]) pushEntity(entityRow(record as never));
  }
  for (const figure of seed["figures.json"]) {
    const provenance = provenanceProps(figure);
    pushRelation("FIGURE_OF", { from: figure.id, to: figure.region, key: "", props: provenance });
    if (figure.about) pushRelation("ABOUT", { from: figure.id, to: figure.about, key: "", props: provenance });
  }
  for (const rel of seed["relations.json"]) {
    pushRelation(rel.type, {
      from: rel.from,
      to: rel.to,
      key: relationKey(rel.props),
      props: { ...cleanProps(rel.props), ...provenanceProps(rel) },
    });
  }
  const documents = seed["documents.json"].map((doc) => ({ id: doc.id, props: cleanProps(doc) }));
  return { documents, entities, relations };
}
