import { performance } from "node:perf_hooks";
import { ENTITY_LABELS } from "../model/domain.ts";
import { firmNode, firmPlaces } from "../seeds/synthetic/firms.ts";
import type { Plan } from "../seeds/synthetic/plan.ts";
import { streamFor } from "../seeds/synthetic/random.ts";
import type { Graph } from "../server/db/graph.ts";
import { type SearchHit, searchEntities } from "../server/repositories/search.ts";
import { closeness } from "../server/search/closeness.ts";
import { searchTokens } from "../server/search/lucene-query.ts";
import { initialsOf, nameInitials } from "../server/search/name-initials.ts";
import { SIMPLIFIED_CHARS, TRADITIONAL_CHARS } from "../server/search/traditional-chars.ts";
import { summarize } from "./stats.ts";

/**
 * Search quality at scale: for sampled firms, what a planner might type, and whether the firm is
 * among the first five results (hit@5). Synthetic names repeat at 1M firms (the same district,
 * trade name and industry), so a result with exactly the firm's name counts as a hit: no search
 * can tell two firms of the same name apart. Pinyin initials are those of the name without its
 * legal form (嘉禾博创医药 → jhbcyy); at 1M many firms share them, and only the firm itself or one
 * of the same name counts.
 */
export const SEARCH_VARIANTS = [
  "full name",
  "partial name (place and trade name)",
  "without company suffix",
  "traditional characters",
  "one character mistyped",
  "pinyin initials",
] as const;
export type SearchVariant = (typeof SEARCH_VARIANTS)[number];

export interface SearchQuality {
  variant: SearchVariant;
  queries: number;
  hits: number;
  hitAt5: number;
  /** Latency of the direct search call for this kind of query, ms (the loaded machine's, relative). */
  p50Ms: number;
  p95Ms: number;
  /**
   * Misses that ranking could have avoided: some of the five results is further from what was
   * typed than the firm is (more characters off; for initials, initials that do not start with
   * the typed ones). The other misses are ties: five or more names are as close as the firm's,
   * and no search can tell which one the planner meant.
   */
  outranked: number;
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

/** Whether a result is at least as close to what was typed as the firm that was meant. */
function asClose(variant: SearchVariant, query: string, hit: SearchHit, firm: Record<string, unknown>): boolean {
  if (variant === "pinyin initials")
    return nameInitials(hit.label, hit.aliases)
      .split(" ")
      .some((word) => word.startsWith(query));
  const tokens = searchTokens(query);
  const firmNames = [firm.name, firm.nameEn, ...((firm.aliases as string[] | undefined) ?? [])] as string[];
  return closeness(tokens, [hit.label, hit.nameEn, ...hit.aliases]) <= closeness(tokens, firmNames);
}

/** `search` is the app's by default; a test passes another to compare. */
export async function searchQuality(graph: Graph, plan: Plan, sample: number, search = searchEntities): Promise<SearchQuality[]> {
  const rng = streamFor(plan.seed, "search-quality");
  const labels = ENTITY_LABELS.filter((l) => l !== "Figure");
  const timings = new Map<SearchVariant, number[]>(SEARCH_VARIANTS.map((variant) => [variant, []]));
  const results = new Map<SearchVariant, SearchQuality>(
    SEARCH_VARIANTS.map((variant) => [variant, { variant, queries: 0, hits: 0, hitAt5: 0, p50Ms: 0, p95Ms: 0, outranked: 0, misses: [] }]),
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
      "partial name (place and trade name)": chars.slice(0, 4).join(""),
      "without company suffix": short,
      "traditional characters": toTraditional(name),
      "one character mistyped": typo.join(""),
      "pinyin initials": initialsOf(short) ?? short,
    };
    for (const variant of SEARCH_VARIANTS) {
      const query = queries[variant];
      const started = performance.now();
      const hits = await search(graph, query, labels, 5);
      timings.get(variant)!.push(performance.now() - started);
      const found = hits.some((h) => h.id === node.id || h.label === name);
      const result = results.get(variant)!;
      result.queries += 1;
      if (found) result.hits += 1;
      else if (hits.length < 5 || !hits.every((hit) => asClose(variant, query, hit, node.props))) result.outranked += 1;
      if (!found && result.misses.length < 3) result.misses.push({ query, expected: name, got: hits[0]?.label ?? "(nothing)" });
    }
  }
  for (const result of results.values()) {
    result.hitAt5 = Math.round((result.hits / Math.max(1, result.queries)) * 1000) / 1000;
    const latency = summarize(timings.get(result.variant)!);
    result.p50Ms = latency.p50;
    result.p95Ms = latency.p95;
  }
  return [...results.values()];
}
