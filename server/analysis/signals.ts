import { createHash } from "node:crypto";
import type { Bilingual } from "./types.ts";

/**
 * The recruitment signals and their weights: the one table the ranking query
 * (cypher/rank-recruitment-candidates.cypher, which receives it as parameters), the explanation
 * (rank-targets.ts) and docs/gap-detection.md share. A tie signal counts once per distinct local
 * entity, at most PER_KIND_CAP times, so one busy firm cannot drown the list; relatedness is
 * weighted by the density (0–1) of the gap segment; tags add their own weights.
 */
export const TIE_SIGNALS = [
  "suppliesLeader",
  "buysFromLeader",
  "suppliesLocal",
  "buysFromLocal",
  "cooperatesLocal",
  "localFund",
  "sameGroup",
  "partnerRegion",
  "plannedProject",
] as const;
export type TieSignal = (typeof TIE_SIGNALS)[number];
export type SignalKind = "inGapSegment" | TieSignal | "relatedness" | "tag" | "riskWarning";

export const PER_KIND_CAP = 3;

export const SIGNAL_WEIGHTS: Record<Exclude<SignalKind, "tag">, number> = {
  inGapSegment: 1,
  suppliesLeader: 6,
  buysFromLeader: 4,
  plannedProject: 5,
  suppliesLocal: 3,
  localFund: 3,
  sameGroup: 3,
  buysFromLocal: 2,
  cooperatesLocal: 2,
  partnerRegion: 1.5,
  relatedness: 3,
  // A negative signal: a firm listed under risk warning (ST / *ST: 特别处理、退市风险警示) is
  // still shown, with this reason, but sinks below every firm without it (the positive weights
  // add up to about 100 at most, so -1000 keeps it under all of them).
  riskWarning: -1000,
};

/**
 * A stock short name under risk warning: "ST" or "*ST" before the name (ST康美, *ST 海投), in
 * the firm's name or one of its aliases. The whitespace is ASCII only, as the rule was when the
 * ranking query matched it with a Java regex, so stored flags and earlier rankings agree. ASCII
 * letters and asterisk only: 'st', full-width ＊ST or ＳＴ are not read as the warning.
 * The one rule is these two pieces; RISK_WARNING is it in JavaScript (its source is part of
 * SCORE_PARTS_VERSION) and riskWarningJavaRegex() spells it for Cypher.
 */
const RISK_WARNING_PREFIX = String.raw`^\*?ST`;
const RISK_WARNING_NEXT = String.raw`[ \t\n\v\f\r\p{Script=Han}]`;
const RISK_WARNING = new RegExp(RISK_WARNING_PREFIX + RISK_WARNING_NEXT, "u");

let javaRiskWarning: string | undefined;
/**
 * The same rule as a Java regex, for the refresh a write runs in Cypher
 * (cypher/refresh-firm-score-parts.cypher, where `=~` must match the whole name). Derived from the
 * pieces above, not written twice: the character after the prefix is the set of code points the
 * JavaScript class matches, enumerated here as ranges, because Neo4j's Java knows an older Unicode
 * than Node (Java 17's \p{IsHan} lacks the CJK extensions H and later, so "ST" before one of
 * those characters was flagged by one path and not the other); `(?s)` lets the rest of the name
 * hold a line break (Java's `.` stops at one, JavaScript tested only the start). The integration
 * test tests/integration/analysis/risk-warning-rule.test.ts runs a table of odd names through both.
 */
export function riskWarningJavaRegex(): string {
  javaRiskWarning ??= `(?s)${RISK_WARNING_PREFIX}${javaCharacterClass(new RegExp(`^${RISK_WARNING_NEXT}$`, "u"))}.*`;
  return javaRiskWarning;
}

/** A Java character class of every code point `oneCharacter` matches (a pass over every code point, about 0.1 s: once per process). */
function javaCharacterClass(oneCharacter: RegExp): string {
  const hex = (codePoint: number) => `\\x{${codePoint.toString(16).toUpperCase()}}`;
  const ranges: string[] = [];
  let start = -1;
  for (let codePoint = 0; codePoint <= 0x110000; codePoint++) {
    const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    const inside = codePoint < 0x110000 && !surrogate && oneCharacter.test(String.fromCodePoint(codePoint));
    if (inside && start < 0) start = codePoint;
    if (!inside && start >= 0) {
      ranges.push(start === codePoint - 1 ? hex(start) : `${hex(start)}-${hex(codePoint - 1)}`);
      start = -1;
    }
  }
  return `[${ranges.join("")}]`;
}

/** Whether a firm's name or an alias carries the ST / *ST risk warning. */
export function hasRiskWarning(names: readonly string[]): boolean {
  return names.some((name) => RISK_WARNING.test(name));
}

/** Firm weight: national and provincial labels a planner recognises. */
export const TAG_WEIGHTS: Record<string, number> = {
  小巨人: 2,
  独角兽: 2,
  专精特新: 1.5,
  龙头: 1.5,
  上市: 1,
  规上: 1,
  高新技术: 0.5,
};

export const TAG_EN: Record<string, string> = {
  小巨人: "national 'little giant'",
  独角兽: "unicorn",
  专精特新: "specialised and innovative (专精特新)",
  龙头: "industry leader",
  上市: "listed",
  规上: "above designated size",
  高新技术: "high-tech enterprise",
};

export const SIGNAL_MESSAGES: Record<Exclude<SignalKind, "tag" | "relatedness">, Bilingual> = {
  riskWarning: {
    zh: "证券简称带 ST / *ST（特别处理、退市风险警示），排在其他候选之后",
    en: "listed under risk warning (ST / *ST): ranked below every other candidate",
  },
  inGapSegment: { zh: "属于缺口环节（或其细分、同类环节）", en: "works in the gap segment (or a sub-segment or equivalent)" },
  suppliesLeader: { zh: "已是本地链主企业的供应商", en: "already supplies our chain leader" },
  buysFromLeader: { zh: "已是本地链主企业的客户", en: "already buys from our chain leader" },
  plannedProject: { zh: "已有在本地计划、签约或在建的项目", en: "already has a planned, signed or building project here" },
  suppliesLocal: { zh: "已向本地企业供货", en: "already supplies a local firm" },
  localFund: { zh: "获本地产业基金投资", en: "backed by a local or region-sponsored fund" },
  sameGroup: { zh: "与本地企业同属一个集团", en: "same group as a local firm" },
  buysFromLocal: { zh: "已从本地企业采购", en: "already buys from a local firm" },
  cooperatesLocal: { zh: "与本地企业、科研机构或园区有合作", en: "cooperates with a local firm, institute or park" },
  partnerRegion: { zh: "位于本地的合作地区（飞地、对口或签约合作）", en: "located in a partner region (enclave or stated cooperation)" },
};

/** What the ranking query receives: the same numbers, so Cypher and this file cannot drift apart. */
export function rankingParameters() {
  return { weights: SIGNAL_WEIGHTS, perKindCap: PER_KIND_CAP };
}

/** The tag part of the score: the sum of TAG_WEIGHTS over the firm's tags (unknown tags weigh 0). */
export function tagScoreOf(tags: readonly string[]): number {
  return tags.reduce((sum, tag) => sum + (TAG_WEIGHTS[tag] ?? 0), 0);
}

/**
 * The parts of a firm's score that depend on the firm alone, stored on every :Firm
 * (server/repositories/firm-score-parts.ts) so the ranking query reads two small properties per
 * candidate instead of its tags, name and aliases. `scorePartsVersion` names the rules they were
 * computed with: a firm whose version differs from SCORE_PARTS_VERSION is recomputed at start.
 */
export interface FirmScoreParts {
  weightScore: number;
  riskWarning: boolean;
}

/** What the parts are computed from. */
export interface FirmScoreInputs {
  name: string;
  aliases?: readonly string[] | null;
  tags?: readonly string[] | null;
}

/**
 * A digest of the tag weights, the risk-warning rule and the stored form below: changing any of
 * them changes it, so every part stored under the old table is found stale and recomputed.
 */
export const SCORE_PARTS_VERSION = createHash("sha256")
  .update(JSON.stringify(["riskWarning only when true", Object.entries(TAG_WEIGHTS).sort(), RISK_WARNING.source]))
  .digest("hex")
  .slice(0, 12);

export function firmScoreParts(firm: FirmScoreInputs): FirmScoreParts {
  return { weightScore: tagScoreOf(firm.tags ?? []), riskWarning: hasRiskWarning([firm.name, ...(firm.aliases ?? [])]) };
}

/**
 * The parts as a firm stores them: `riskWarning` only on a firm under risk warning (absent means
 * no warning, so the few flagged firms carry it and a CSV of firms needs no boolean column).
 */
export function storedScoreParts(firm: FirmScoreInputs): { weightScore: number; scorePartsVersion: string; riskWarning?: true } {
  const { weightScore, riskWarning } = firmScoreParts(firm);
  return { weightScore, scorePartsVersion: SCORE_PARTS_VERSION, ...(riskWarning ? { riskWarning: true as const } : {}) };
}

export type SignalCounts = Record<TieSignal, number>;

/** The score as the ranking query computes it (used to explain it, and by tests to check both agree). */
export function scoreOf(counts: SignalCounts, tags: readonly string[], density: number, riskWarning = false): number {
  const ties = TIE_SIGNALS.reduce((sum, kind) => sum + SIGNAL_WEIGHTS[kind] * Math.min(counts[kind] ?? 0, PER_KIND_CAP), 0);
  const tagScore = tagScoreOf(tags);
  const risk = riskWarning ? SIGNAL_WEIGHTS.riskWarning : 0;
  return SIGNAL_WEIGHTS.inGapSegment + SIGNAL_WEIGHTS.relatedness * density + tagScore + ties + risk;
}
