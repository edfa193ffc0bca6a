import type { GapReport } from "../../../../model/api/analysis.ts";

const GAP_KINDS = new Set(["missing-segment", "thin-segment", "broken-link"]);

export type GapSegment = { id: string; label: string; labelEn?: string | null; kind: string; severity: string };

/** Segments worth recruiting for: those with a gap finding, worst first, then any gap-marked segment. */
export function gapSegments(gaps: GapReport): GapSegment[] {
  const order = { high: 0, medium: 1, low: 2 } as const;
  const seen = new Set<string>();
  const out: GapSegment[] = [];
  const findings = [...gaps.findings]
    .filter((f) => f.segment && GAP_KINDS.has(f.kind))
    .sort((a, b) => order[a.severity] - order[b.severity]);
  for (const finding of findings) {
    const segment = gaps.segments.find((s) => s.id === finding.segment);
    if (!segment || seen.has(segment.id)) continue;
    seen.add(segment.id);
    out.push({ id: segment.id, label: segment.name, labelEn: segment.nameEn, kind: finding.kind, severity: finding.severity });
  }
  return out;
}

/** Firms of the opt-in demo layer (and any generated data) carry `assumption: "synthetic"` (and :Synthetic); the UI says so. */
export const isSynthetic = (node: Record<string, unknown>) =>
  node.assumption === "synthetic" || (Array.isArray(node._labels) && node._labels.includes("Synthetic"));
