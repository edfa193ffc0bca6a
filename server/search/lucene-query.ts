/**
 * Turns what a planner types into a Lucene query for the `entity_names` full-text index
 * (cypher/schema/003-fulltext.cypher, CJK analyzer). Nothing the user types reaches Lucene
 * unescaped, so `纳爱斯 (集团)` or `a:b*` are searched for, never parsed as syntax.
 *
 * - Chinese/Japanese/Korean runs go in as typed: the analyzer splits them into overlapping
 *   bigrams, so 纳爱斯 matches 纳爱斯集团; the quoted run is boosted so the whole run in order
 *   beats scattered bigrams. A single character becomes a prefix (丽 finds 丽水 via its bigram).
 * - Latin/digit tokens match exactly (boosted), as a prefix (nic → Nice) and, from four
 *   characters, with one typo (Nise → Nice).
 */

import { normalizeSearchText, toSimplified } from "./normalize-text.ts";

// A CJK run (group 1) or a run of other letters and digits (group 2).
const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}";
const TOKEN = new RegExp(`([${CJK}]+)|((?:(?![${CJK}])[\\p{L}\\p{N}])+)`, "gu");
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const FUZZY_MIN_LENGTH = 4;
const MAX_TOKENS = 12;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** The tokens of a query, CJK runs and Latin/digit words apart, lowercased, in order. */
export function tokenize(text: string): { text: string; cjk: boolean }[] {
  const normalized = normalizeSearchText(text).toLowerCase();
  return [...normalized.matchAll(TOKEN)].slice(0, MAX_TOKENS).map((m) => ({ text: m[0], cjk: m[1] !== undefined }));
}

function cjkClause(text: string): string {
  const term = escapeLucene(text);
  return text.length === 1 ? `${term} OR ${term}*` : `"${term}"^4 OR ${term}`;
}

function clause(token: { text: string; cjk: boolean }): string {
  if (token.cjk) {
    // Traditional input (麗水) also looks for its simplified form, the form the data is kept in.
    const simplified = toSimplified(token.text);
    return simplified === token.text ? `(${cjkClause(token.text)})` : `(${cjkClause(token.text)} OR ${cjkClause(simplified)})`;
  }
  const term = escapeLucene(token.text);
  const alternatives = [`${term}^3`, `${term}*`];
  if (token.text.length >= FUZZY_MIN_LENGTH) alternatives.push(`${term}~1`);
  return `(${alternatives.join(" OR ")})`;
}

/** The Lucene query for what the user typed, or null when nothing searchable is left. */
export function luceneQuery(text: string): string | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  return tokens.map(clause).join(" OR ");
}

/** The typed text as exact-match rankings compare it: trimmed, NFKC, lowercased. */
export function exactKey(text: string): string {
  return normalizeSearchText(text).toLowerCase();
}
