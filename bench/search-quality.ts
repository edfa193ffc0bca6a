import { ENTITY_LABELS } from "../model/domain.ts";
import { firmNode, firmPlaces } from "../seeds/synthetic/firms.ts";
import type { Plan } from "../seeds/synthetic/plan.ts";
import { streamFor } from "../seeds/synthetic/random.ts";
import type { Graph } from "../server/db/graph.ts";
import { searchEntities } from "../server/repositories/search.ts";
import { SIMPLIFIED_CHARS, TRADITIONAL_CHARS } from "../server/search/traditional-chars.ts";

/**
 * Search quality at scale: for sampled firms, what a planner might type, and whether the firm is
 * among the first five results (hit@5). Synthetic names repeat at 1M firms (the same district,
 * trade name and industry), so a result with exactly the firm's name counts as a hit: no search
 * can tell two firms of the same name apart. Pinyin initials are not measured: the app has no
 * pinyin data to search them with.
 */
export const SEARCH_VARIANTS = ["full name", "without company suffix", "traditional characters", "one character mistyped"] as const;
export type SearchVariant = (typeof SEARCH_VARIANTS)[number];

export interface SearchQuality {
  variant: SearchVariant;
  queries: number;
  hits: number;
  hitAt5: number;
  /** A few misses (query → first result), for reading them. */
  misses: { query: string; expected: string; got: string }[];
}

const SUFFIX = /(股份有限公司|科技有限公司|集团有限公司|有限公司)$/;
const TRADITIONAL_OF = new Map<string, string>();
{
  const traditional = Array.from(TRADITIONAL_CHARS);
  Array.from(SIMPLIFIED_CHARS).forEach((s, i) => {
    if (!TRADITIONAL_OF.has(s) && traditional[i] !== s) TRADITIONAL_OF.set(s, traditional[i]!);
  });
}
const toTraditional = (text: string) => Array.from(text, (c) => TRADITIONAL_OF.get(c) ?? c).join("");

export async function searchQuality(graph: Graph, plan: Plan, sample: number): Promise<SearchQuality[]> {
  const rng = streamFor(plan.seed, "search-quality");
  const labels = ENTITY_LABELS.filter((l) => l !== "Figure");
  const results = new Map<SearchVariant, SearchQuality>(
    SEARCH_VARIANTS.map((variant) => [variant, { variant, queries: 0, hits: 0, hitAt5: 0, misses: [] }]),
  );
  for (let i = 0; i < sample; i++) {
    const index = rng.int(0, plan.firms - 1);
    const [place] = firmPlaces(plan, index, index + 1);
    const node = firmNode(plan, place!);
    const name = String(node.props.name);
    const short = name.replace(SUFFIX, "");
    const chars = Array.from(short);
    // Mistype one character of the trade name (after the two-character place name), never the first.
    const at = Math.min(chars.length - 1, 2 + rng.int(0, 1));
    const typo = [...chars];
    typo[at] = typo[at] === "鑫" ? "森" : "鑫";
    const queries: Record<SearchVariant, string> = {
      "full name": name,
      "without company suffix": short,
      "traditional characters": toTraditional(name),
      "one character mistyped": typo.join(""),
    };
    for (const variant of SEARCH_VARIANTS) {
      const query = queries[variant];
      const hits = await searchEntities(graph, query, labels, 5);
      const found = hits.some((h) => h.id === node.id || h.label === name);
      const result = results.get(variant)!;
      result.queries += 1;
      if (found) result.hits += 1;
      else if (result.misses.length < 3) result.misses.push({ query, expected: name, got: hits[0]?.label ?? "(nothing)" });
    }
  }
  for (const result of results.values()) result.hitAt5 = Math.round((result.hits / Math.max(1, result.queries)) * 1000) / 1000;
  return [...results.values()];
}
