import type { GapReport } from "../../../model/api/analysis.ts";
import type { Translate } from "../i18n/i18n.ts";
import { h } from "./dom.ts";

interface Parts {
  segmentShare: number;
  flowShare: number;
  leaderScore: number;
  supportShare: number;
}

function partsOf(summary: GapReport["summary"]): Parts | undefined {
  const parts = (summary as { parts?: Partial<Parts> }).parts;
  if (!parts) return undefined;
  const { segmentShare, flowShare, leaderScore, supportShare } = parts;
  return [segmentShare, flowShare, leaderScore, supportShare].every((n) => typeof n === "number") ? (parts as Parts) : undefined;
}

const pct = (share: number) => Math.round(share * 100);

/**
 * How the completeness number is computed, in the UI's language (the API's `formula` is English
 * for other tools), with this region's four parts filled in when the API sent them.
 */
export function completenessExplanation(summary: GapReport["summary"], t: Translate): HTMLElement[] {
  const parts = partsOf(summary);
  const lines: HTMLElement[] = [h("p", { class: "hint formula-text" }, t("completeness.formula"))];
  if (parts)
    lines.push(
      h(
        "p",
        { class: "hint formula-parts" },
        t("completeness.parts", {
          segments: pct(parts.segmentShare),
          flows: pct(parts.flowShare),
          leader: parts.leaderScore,
          support: pct(parts.supportShare),
        }),
      ),
    );
  return lines;
}
