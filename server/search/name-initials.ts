/**
 * Pinyin initials of names (丽水美妆有限公司 → lsmzyxgs), so a planner can type `lsmz` for a firm
 * whose characters they cannot enter quickly. Kept on every entity as `nameInitials` (one word per
 * name or alias, space-separated) and searched through the `entity_initials` full-text index
 * (cypher/schema/005-initials.cypher).
 *
 * pinyin-pro (MIT) reads a character in its word (重庆 → cq, 银行 → yh), which a per-character table
 * cannot; that is why it is a dependency rather than a hand-kept table.
 */

import { pinyin } from "pinyin-pro";
import { normalizeSearchText, toSimplified } from "./normalize-text.ts";

const HAN = /\p{Script=Han}/u;
const NOT_ALNUM = /[^a-z0-9]/g;
/** Initials past this length add nothing a planner would type, and keep index terms short. */
const MAX_INITIALS = 24;

/** The initials of one name, lowercased letters and digits only; null when it holds no Chinese. */
export function initialsOf(name: string): string | null {
  const text = toSimplified(normalizeSearchText(name));
  if (!HAN.test(text)) return null;
  const letters = pinyin(text, { pattern: "first", toneType: "none", type: "array" }).join("");
  const initials = letters.toLowerCase().replace(NOT_ALNUM, "").slice(0, MAX_INITIALS);
  return initials.length > 0 ? initials : null;
}

/** The `nameInitials` property of an entity: the distinct initials of its name and aliases. */
export function nameInitials(name: unknown, aliases: unknown): string {
  const names = [name, ...(Array.isArray(aliases) ? aliases : [])].filter((n): n is string => typeof n === "string");
  return [...new Set(names.map(initialsOf).filter((i): i is string => i !== null))].join(" ");
}

/** Whether typed text reads as pinyin initials: 2–24 Latin letters, nothing else. */
export function looksLikeInitials(text: string): boolean {
  return /^[a-z]{2,24}$/i.test(normalizeSearchText(text));
}

/** The Lucene query for typed initials: the whole word boosted, else any word starting with it. */
export function initialsQuery(text: string): string | null {
  if (!looksLikeInitials(text)) return null;
  const typed = normalizeSearchText(text).toLowerCase();
  return `${typed}^4 OR ${typed}*`;
}

const partCache = new Map<string, string>();
const PART_CACHE_SIZE = 200_000;

/**
 * The initials of a name built from parts (place, trade name, legal form), each part's initials
 * computed once and remembered: the synthetic generator writes a million names, and pinyin-pro
 * takes ~60 µs a name. Equal to `initialsOf` of the whole name except where a reading depends on
 * the next part (tests/unit/search/name-initials.test.ts measures how often on generated names).
 */
export function initialsOfParts(parts: string[]): string {
  let out = "";
  for (const part of parts) {
    let initials = partCache.get(part);
    if (initials === undefined) {
      initials = initialsOf(part) ?? "";
      if (partCache.size >= PART_CACHE_SIZE) partCache.clear();
      partCache.set(part, initials);
    }
    out += initials;
  }
  return out.slice(0, MAX_INITIALS);
}
