import { createHash } from "node:crypto";
import { type EntityLabel, LABEL_BY_PREFIX } from "../../model/domain.ts";

const PREFIX_BY_LABEL = Object.fromEntries(Object.entries(LABEL_BY_PREFIX).map(([prefix, label]) => [label, prefix])) as Record<
  EntityLabel,
  string
>;

/** Longest readable key kept whole; a longer one is cut and closed with a hash of the whole. */
const MAX_KEY = 60;

/**
 * The id of a row whose id cell is blank, from its natural key, so every re-import of the same
 * row gives the same id: the 统一社会信用代码 when there is one, otherwise the name and the region
 * (or parent region) as written — firm:丽水甲化妆品有限公司-莲都区. Chinese stays as it is.
 */
export function generatedId(label: EntityLabel, name: string, creditCode?: string, region?: string[]): string {
  const prefix = PREFIX_BY_LABEL[label];
  if (creditCode) return `${prefix}:${creditCode.toLowerCase()}`;
  const place = region?.[0]?.replace(/^[a-z]+:/, "") ?? "";
  const key = [slug(name), slug(place)].filter(Boolean).join("-");
  const whole = key || hash(name);
  return `${prefix}:${whole.length > MAX_KEY ? `${whole.slice(0, MAX_KEY - 9).replace(/-+$/, "")}-${hash(whole)}` : whole}`;
}

/** Lower-case letters, digits and Chinese kept; everything else (spaces, brackets, emoji) becomes one hyphen. */
function slug(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9\p{Script=Han}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
