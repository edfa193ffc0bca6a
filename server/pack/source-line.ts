import type { PackLang } from "./labels.ts";

/**
 * One citation as the pack prints it: the document's title and date, then the quoted sentence.
 * Titles and quotes stay as published; only the punctuation around them follows the language.
 */
export function sourceLine(
  source: { doc: string; quote: string },
  doc: { title?: string; date?: string | null } | undefined,
  lang: PackLang,
): string {
  const title = doc?.title ?? source.doc;
  const date = doc?.date ?? "";
  return lang === "zh" ? `《${title}》${date}：“${source.quote}”` : `${title}${date ? `, ${date}` : ""}: “${source.quote}”`;
}
