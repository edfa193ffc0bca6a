/**
 * Turns what a planner types into Lucene queries for the `entity_names` full-text index
 * (cypher/schema/003-fulltext.cypher, CJK analyzer). Nothing the user types reaches Lucene
 * unescaped, so `纳爱斯 (集团)` or `a:b*` are searched for, never parsed as syntax.
 *
 * Up to three queries, each wider one only when the narrower found too little
 * (server/repositories/search.ts):
 * - **strict**: a Chinese/Japanese/Korean run as a phrase (its bigrams in order: 纳爱斯 finds
 *   纳爱斯集团); a single character as a prefix (丽 finds 丽水). Phrases are conjunctions led by
 *   their rarest bigram, so a name typed right costs little even at 1M names.
 * - **one off**: for each run of four characters or more, the run with any one character left
 *   out, as the phrases before and after it (长银鑫越装备 → "长银" AND "越装备", …): finds a name
 *   with one character mistyped, missing or extra, and is as cheap as the strict query.
 * - **loose**: the run's bigrams OR-ed (phrase boosted), for words of a name typed apart or out of
 *   order; common bigrams (装备, a region's name) match much of the index, so it comes last.
 * Results are then ranked by how many characters differ (server/search/closeness.ts).
 * Legal-form words (有限公司, 股份有限公司 …) are left out of both: every firm has one, so they only
 * cost time (their bigrams match most of the index) and cannot tell firms apart. Latin/digit
 * tokens match exactly (boosted), as a prefix (nic → Nice) and, from four characters, with one
 * typo (Nise → Nice), in both queries.
 */

import { normalizeSearchText, toSimplified } from "./normalize-text.ts";

// A CJK run (group 1) or a run of other letters and digits (group 2).
const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}";
const TOKEN = new RegExp(`([${CJK}]+)|((?:(?![${CJK}])[\\p{L}\\p{N}])+)`, "gu");
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const FUZZY_MIN_LENGTH = 4;
const MAX_TOKENS = 12;
/** A run must keep this many characters around the left-out one to be worth a typo variant. */
const VARIANT_MIN_KEPT = 3;
/** Runs longer than this are not names one mistypes by a character; no variants for them. */
const VARIANT_MAX_RUN = 24;
const MAX_VARIANTS = 48;
/** Longest first: 股份有限公司 before 有限公司 before 公司. */
const LEGAL_FORMS = ["股份有限公司", "有限责任公司", "有限公司", "公司", "有限", "股份"];

export interface SearchToken {
  /** As typed (normalised, lowercased). */
  text: string;
  cjk: boolean;
  /** What is searched: a CJK run without a trailing legal form, in its typed and simplified forms. */
  forms: string[];
}

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

function withoutLegalForm(run: string): string {
  for (const form of LEGAL_FORMS) if (run.endsWith(form)) return withoutLegalForm(run.slice(0, -form.length));
  return run;
}

/** The tokens of a query, CJK runs and Latin/digit words apart, lowercased, in order. */
export function tokenize(text: string): { text: string; cjk: boolean }[] {
  const normalized = normalizeSearchText(text).toLowerCase();
  return [...normalized.matchAll(TOKEN)].slice(0, MAX_TOKENS).map((m) => ({ text: m[0], cjk: m[1] !== undefined }));
}

/**
 * The tokens that are searched for: a CJK run loses its legal form, and a run that was only a
 * legal form (公司, 有限公司) is dropped. Empty when nothing searchable is left.
 */
export function searchTokens(text: string): SearchToken[] {
  return tokenize(text).flatMap(({ text, cjk }): SearchToken[] => {
    if (!cjk) return [{ text, cjk, forms: [text] }];
    const core = withoutLegalForm(text);
    if (core.length === 0) return [];
    // Traditional input (麗水) also looks for its simplified form, the form the data is kept in.
    return [{ text, cjk, forms: [...new Set([core, toSimplified(core)])] }];
  });
}

const phrase = (run: string) => (run.length === 1 ? `${escapeLucene(run)} OR ${escapeLucene(run)}*` : `"${escapeLucene(run)}"`);

function latinClause(text: string): string {
  const term = escapeLucene(text);
  const alternatives = [`${term}^3`, `${term}*`];
  if (text.length >= FUZZY_MIN_LENGTH) alternatives.push(`${term}~1`);
  return `(${alternatives.join(" OR ")})`;
}

function strictClause(token: SearchToken): string {
  if (!token.cjk) return latinClause(token.text);
  return `(${token.forms.map(phrase).join(" OR ")})`;
}

/** The run with character `i` left out, as the phrases on either side that are two characters or more. */
function variant(run: string[], i: number): string | null {
  const parts = [run.slice(0, i), run.slice(i + 1)].filter((part) => part.length >= 2);
  if (parts.reduce((sum, part) => sum + part.length, 0) < VARIANT_MIN_KEPT) return null;
  return parts.length === 1 ? `"${escapeLucene(parts[0]!.join(""))}"` : `(${parts.map((p) => `+"${escapeLucene(p.join(""))}"`).join(" ")})`;
}

/** One-character-off variants of a CJK form (empty for short or very long runs). */
export function typoVariants(form: string): string[] {
  const run = Array.from(form);
  if (run.length > VARIANT_MAX_RUN) return [];
  return run.map((_, i) => variant(run, i)).filter((v): v is string => v !== null);
}

function oneOffClause(token: SearchToken): string | null {
  if (!token.cjk) return latinClause(token.text);
  const variants = token.forms.flatMap(typoVariants).slice(0, MAX_VARIANTS);
  return variants.length > 0 ? `(${variants.join(" OR ")})` : null;
}

function looseClause(token: SearchToken): string {
  if (!token.cjk) return latinClause(token.text);
  // Unquoted, the analyzer splits the run into bigrams, any of which may match.
  return `(${token.forms.map((form) => (Array.from(form).length === 1 ? phrase(form) : `"${escapeLucene(form)}"^4 OR ${escapeLucene(form)}`)).join(" OR ")})`;
}

const hasRunOf = (tokens: SearchToken[], length: number) =>
  tokens.some((token) => token.cjk && token.forms.some((form) => Array.from(form).length >= length));

/** The strict query (phrases, prefixes, Latin alternatives), or null when nothing searchable is left. */
export function luceneQuery(text: string): string | null {
  const tokens = searchTokens(text);
  return tokens.length === 0 ? null : strictQueryOf(tokens);
}

export function strictQueryOf(tokens: SearchToken[]): string {
  return tokens.map(strictClause).join(" OR ");
}

/** The one-character-off query, or null when no run is long enough to have variants. */
export function oneOffQueryOf(tokens: SearchToken[]): string | null {
  if (!tokens.some((token) => token.cjk && token.forms.some((form) => typoVariants(form).length > 0))) return null;
  return tokens
    .map(oneOffClause)
    .filter((clause): clause is string => clause !== null)
    .join(" OR ");
}

/** The any-bigram query, or null when it would find nothing the strict one does not (no CJK run of 3+). */
export function looseQueryOf(tokens: SearchToken[]): string | null {
  return hasRunOf(tokens, 3) ? tokens.map(looseClause).join(" OR ") : null;
}

/** The typed text as exact-match rankings compare it: trimmed, NFKC, lowercased. */
export function exactKey(text: string): string {
  return normalizeSearchText(text).toLowerCase();
}
