import { ENTITY_LABELS } from "../../model/domain.ts";
import type { Graph } from "../db/graph.ts";
import { entityType, type NodeRow } from "../graph/elements.ts";
import { closeness } from "../search/closeness.ts";
import { exactKey, looseQueryOf, oneOffQueryOf, type SearchToken, searchTokens, strictQueryOf } from "../search/lucene-query.ts";
import { initialsQuery } from "../search/name-initials.ts";

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

/** A row with what the final order needs: exact first, then fewest characters off, named before initials, score. */
interface Ranked extends HitRow {
  distance: number;
  byInitials: boolean;
}

/** Figures are numbers, not names: found only when asked for, and ranked after named matches. */
const FIGURE_LABEL = "Figure";
/** How many index hits to read before the label filter; more when only some labels are wanted. */
const CANDIDATES = { unfiltered: 200, filtered: 2000 };
/** Fewer names than this holding what was typed, and the one-character-off query runs too. */
const FEW = 5;
/** Rows a wider query hands back for re-ranking by closeness (its best by Lucene score). */
const WIDER_ROWS = 60;

/**
 * Entities whose name, English name, alias or pinyin initials match `q`: exact matches first,
 * then by how many characters differ from what was typed, then by full-text score. The strict
 * query runs first; the one-character-off query when fewer than five names hold what was typed
 * and none is exactly it (a mistyped name may be part of another firm's name), and the any-bigram query only when nothing
 * is within one character (server/search/lucene-query.ts). Near-misses rank below every name that
 * holds what was typed. `labels` is the allow-listed label set (Figure only when asked for).
 */
export async function searchEntities(graph: Graph, q: string, labels: string[], limit: number): Promise<SearchHit[]> {
  const tokens = searchTokens(q);
  if (tokens.length === 0) return [];
  const exact = exactKey(q);
  const named = labels.filter((l) => l !== FIGURE_LABEL);
  const rows: Ranked[] = [];
  if (named.length > 0) {
    const everyIndexedLabel = named.length >= ENTITY_LABELS.length - 1;
    const candidates = everyIndexedLabel ? CANDIDATES.unfiltered : CANDIDATES.filtered;
    const read = async (query: string, rowLimit: number) =>
      rank(tokens, await graph.read<HitRow>("search-entities", { query, labels: named, exact, candidates, limit: rowLimit }));
    const add = (found: Ranked[]) => {
      const seen = new Set(rows.map((row) => row.node.id));
      rows.push(...found.filter((row) => !seen.has(row.node.id)));
    };
    add(await read(strictQueryOf(tokens), limit));
    // One character off when few names hold what was typed (it may be a mistyped other name) and
    // none is exactly it; any bigram only when nothing is within one character (the costly one).
    const oneOff = oneOffQueryOf(tokens);
    const holding = rows.filter((row) => row.distance === 0).length;
    const exactName = rows.some((row) => row.exactMatch);
    if (oneOff !== null && !exactName && holding < Math.min(limit, FEW)) add(await read(oneOff, Math.max(limit, WIDER_ROWS)));
    const loose = looseQueryOf(tokens);
    if (loose !== null && !rows.some((row) => row.distance <= 1)) add(await read(loose, Math.max(limit, WIDER_ROWS)));
    const initials = initialsQuery(q);
    if (initials !== null) {
      const found = await graph.read<HitRow>("search-initials", { query: initials, initials: exact, labels: named, candidates, limit });
      add(found.map((row) => ({ ...row, distance: 0, byInitials: true })));
    }
  }
  if (labels.includes(FIGURE_LABEL)) {
    rows.push(...rank(tokens, await graph.read<HitRow>("search-figures", { needle: exact, limit })));
  }
  return rows.sort(byRelevance).slice(0, limit).map(toHit);
}

function rank(tokens: SearchToken[], rows: HitRow[]): Ranked[] {
  return rows.map((row) => ({
    ...row,
    distance: closeness(tokens, [row.node.name, row.node.nameEn, ...(row.node.aliases ?? [])]),
    byInitials: false,
  }));
}

function byRelevance(a: Ranked, b: Ranked): number {
  return (
    Number(b.exactMatch) - Number(a.exactMatch) ||
    a.distance - b.distance ||
    Number(a.byInitials) - Number(b.byInitials) ||
    (b.score ?? 0) - (a.score ?? 0)
  );
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
