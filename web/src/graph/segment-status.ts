import type { Translate } from "../i18n/i18n.ts";

/**
 * Why a segment box is 缺链 or 弱链, in words a planner reads on the box itself. The counts alone
 * ("本地 0 · 规上 0") contradict a 弱链 verdict when a document states a firm count the graph does not
 * hold, so the reason names that count. Pure: the map and its tests share it.
 */
export type SegmentGap = "missing" | "thin" | null;

export interface SegmentFacts {
  [key: string]: unknown;
  gap?: unknown;
  localFirms?: unknown;
  aboveScaleFirms?: unknown;
  /** A count a document states for the segment in the region (e.g. 重点企业159家). */
  reportedFirms?: unknown;
}

export interface Thresholds {
  minFirms: number;
  minAboveScale: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { minFirms: 3, minAboveScale: 1 };

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/**
 * A sub-segment has no finding of its own when its parent is missing (the parent's finding covers
 * it), but an empty one is just as missing and is drawn so.
 */
export function segmentGap(facts: SegmentFacts, parentGap: SegmentGap): SegmentGap {
  if (facts.gap === "missing" || facts.gap === "thin") return facts.gap;
  if (parentGap === "missing" && count(facts.localFirms) === 0 && count(facts.reportedFirms) === 0) return "missing";
  return null;
}

/** The reason shown under a gap segment's name; undefined for a segment without a gap. */
export function segmentReason(
  facts: SegmentFacts,
  gap: SegmentGap,
  t: Translate,
  inherited: boolean,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): string | undefined {
  if (!gap) return undefined;
  const local = count(facts.localFirms);
  const reported = count(facts.reportedFirms);
  const above = count(facts.aboveScaleFirms);
  if (gap === "missing") return inherited ? t("map.reason.parentMissing") : t("map.reason.none");
  if (reported > local) {
    return local === 0 ? t("map.reason.reportedOnly", { n: reported }) : t("map.reason.reportedMore", { n: reported, local });
  }
  const parts: string[] = [];
  if (local < thresholds.minFirms) parts.push(t("map.reason.few", { n: local }));
  if (above < thresholds.minAboveScale) parts.push(t("map.reason.noneAbove", { n: above }));
  return parts.join(t("map.reason.joiner"));
}
