import { en, type MessageKey, zh } from "./messages.ts";

export type Lang = "zh" | "en";
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const TABLES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** A translator for one language; `{name}` placeholders are filled from params, unknown ones stay visible. */
export function translator(lang: Lang): Translate {
  const table = TABLES[lang];
  return (key, params) => {
    const template = table[key] ?? zh[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** The name to show for an entity: its English name in English when it has one, else the Chinese name. */
export function entityName(data: { label?: unknown; name?: unknown; nameEn?: unknown; id?: unknown }, lang: Lang): string {
  const zhName = typeof data.label === "string" ? data.label : typeof data.name === "string" ? data.name : String(data.id ?? "");
  if (lang === "en" && typeof data.nameEn === "string" && data.nameEn.trim() !== "") return data.nameEn;
  return zhName;
}

/** Picks the language's side of a `{zh, en}` message from the API. */
export function bilingual(message: { zh: string; en?: string } | undefined, lang: Lang): string {
  if (!message) return "";
  return lang === "en" && message.en ? message.en : message.zh;
}

/** The pair `中文 English` for places that show both, e.g. lane titles printed on a slide. */
export function bothLanguages(key: MessageKey): string {
  return `${zh[key]} ${en[key]}`;
}
