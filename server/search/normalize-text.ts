import { SIMPLIFIED_CHARS, TRADITIONAL_CHARS } from "./traditional-chars.ts";

const SIMPLIFIED_OF = new Map(Array.from(TRADITIONAL_CHARS).map((char, i) => [char, Array.from(SIMPLIFIED_CHARS)[i] ?? char]));

// Format characters (zero-width space and joiners, BOM, soft hyphen, direction marks …) are
// invisible: a name pasted with one must find what the same name typed without it finds.
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** What a user typed, as search compares it: invisible characters gone, NFKC (full-width → ASCII), trimmed. */
export function normalizeSearchText(text: string): string {
  return text.replace(FORMAT_CHARACTERS, "").normalize("NFKC").trim();
}

/**
 * The simplified form of traditional characters (麗水 → 丽水), character by character. The data
 * is kept in simplified Chinese; since some characters are both (著, 乾), callers search the typed
 * text and this form side by side rather than replacing one with the other.
 */
export function toSimplified(text: string): string {
  let out = "";
  for (const char of text) out += SIMPLIFIED_OF.get(char) ?? char;
  return out;
}
