import { ENTITY_LABELS } from "../../model/domain.ts";
import type { Graph } from "../db/graph.ts";
import { entityType, type NodeRow } from "../graph/elements.ts";
import { exactKey, luceneQuery } from "../search/lucene-query.ts";

export interface SearchHit {
  id: string;
  type: string;
  label: string;
  nameEn?: string;
  aliases: string[];
  score: number;
}

interface HitRow {
  node: NodeRow & { name?: string; nameEn?: string | null; aliases?: string[] | null };
  score?: number;
  exactMatch: boolean;
}

/** Figures are numbers, not names: found only when asked for, and ranked after named matches. */
const FIGURE_LABEL = "Figure";
/** How many index hits to read before the label filter; more when only some labels are wanted. */
const CANDIDATES = { unfiltered: 200, filtered: 2000 };

/**
 * Entities whose name, English name or alias matches `q`, exact matches first, then by
 * full-text score. `labels` is the allow-listed label set (Figure only when asked for).
 */
export async function searchEntities(graph: Graph, q: string, labels: string[], limit: number): Promise<SearchHit[]> {
  const query = luceneQuery(q);
  if (query === null) return [];
  const exact = exactKey(q);
  const named = labels.filter((l) => l !== FIGURE_LABEL);
  const rows: HitRow[] = [];
  if (named.length > 0) {
    const everyIndexedLabel = named.length >= ENTITY_LABELS.length - 1;
    const candidates = everyIndexedLabel ? CANDIDATES.unfiltered : CANDIDATES.filtered;
    rows.push(...(await graph.read<HitRow>("search-entities", { query, labels: named, exact, candidates, limit })));
  }
  if (labels.includes(FIGURE_LABEL)) {
    rows.push(...(await graph.read<HitRow>("search-figures", { needle: exact, limit })));
  }
  return rows
    .sort((a, b) => Number(b.exactMatch) - Number(a.exactMatch) || (b.score ?? 0) - (a.score ?? 0))
    .slice(0, limit)
    .map(toHit);
}

function toHit({ node, score }: HitRow): SearchHit {
  return {
    id: node.id,
    type: entityType(node._labels),
    label: node.name ?? node.id,
    ...(node.nameEn ? { nameEn: node.nameEn } : {}),
    aliases: node.aliases ?? [],
    score: score ?? 0,
  };
}
