/**
 * How far a name is from what was typed, in characters to change: the fewest insertions,
 * deletions or substitutions that turn the typed token into some part of the name (approximate
 * substring matching, Sellers 1980). 长银鑫越装备 is 1 from 长银博越装备有限公司 and 2 from
 * 海林鑫越装备有限公司, which is what ranks the mistyped firm above names that share more bigrams.
 */

import type { SearchToken } from "./lucene-query.ts";

/** Edit distance from `typed` to the closest substring of `text` (0 when `text` contains it). */
export function substringDistance(typed: string, text: string): number {
  const p = Array.from(typed);
  const t = Array.from(text);
  // previous[j]: distance of p[0..i) to the best substring of t ending at j.
  let previous = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= p.length; i++) {
    const current = new Array<number>(t.length + 1);
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const substitute = previous[j - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1);
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
    }
    previous = current;
  }
  return Math.min(...previous);
}

/**
 * Characters to change so that every token appears in one of the entity's names (name, English
 * name, aliases; each token in its best one), summed over tokens.
 */
export function closeness(tokens: SearchToken[], names: (string | null | undefined)[]): number {
  const texts = names.filter((n): n is string => typeof n === "string" && n.length > 0).map((n) => n.toLowerCase());
  let total = 0;
  for (const token of tokens) {
    let best = Number.POSITIVE_INFINITY;
    for (const form of token.forms) for (const text of texts) best = Math.min(best, substringDistance(form, text));
    total += Number.isFinite(best) ? best : Array.from(token.forms[0] ?? "").length;
  }
  return total;
}
