import type { GapReport } from "./api/analysis.ts";

/**
 * What the gap report shows, chosen once for both of its renderings — the report view
 * (web/src/views/report/) and the server's PDF (server/pack/report-pdf.ts) — so the two cannot
 * drift: the headline figures, the order of the findings, the matchmaking pairs and the sources.
 */

/** Ranked targets both reports list (GET /targets over every gap segment, ranked before the cut). */
export const REPORT_TARGETS = 15;
/** Supplier–buyer pairs listed under 供需对接. */
export const REPORT_MATCHMAKING_PAIRS = 15;

export type HeadlineFigure = "Completeness" | "Covered" | "Missing" | "Thin" | "Broken" | "Leaders";

/** The headline numbers a bureau quotes: completeness, coverage, the gaps by kind, the leaders. */
export function headlineFigures(gaps: GapReport): { id: HeadlineFigure; value: string }[] {
  const count = (kind: string) => gaps.findings.filter((f) => f.kind === kind).length;
  const covered = Object.values(gaps.summary.coverageByStage).reduce((sum, c) => sum + c.covered, 0);
  const segments = Object.values(gaps.summary.coverageByStage).reduce((sum, c) => sum + c.segments, 0);
  const leaders = new Set(gaps.segments.flatMap((s) => s.leaders));
  return [
    { id: "Completeness", value: `${Math.round(gaps.summary.completeness)}%` },
    { id: "Covered", value: `${covered}/${segments}` },
    { id: "Missing", value: String(count("missing-segment")) },
    { id: "Thin", value: String(count("thin-segment")) },
    { id: "Broken", value: String(count("broken-link")) },
    { id: "Leaders", value: String(leaders.size) },
  ];
}

/** Findings highest priority first; equal priorities keep the API's order. */
export function findingsByPriority<F extends { priority: number }>(findings: F[]): F[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => b.f.priority - a.f.priority || a.i - b.i)
    .map(({ f }) => f);
}

type Pair = { supplier: { id: string }; buyer: { id: string }; score?: number | null };

/** Local supplier–buyer pairs gathered from several target answers, best first, once each. */
export function matchmakingPairs<P extends Pair>(answers: ({ matchmaking: P[] } | undefined)[]): P[] {
  const pairs = new Map<string, P>();
  for (const answer of answers) for (const pair of answer?.matchmaking ?? []) pairs.set(`${pair.supplier.id}|${pair.buyer.id}`, pair);
  return [...pairs.values()].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).slice(0, REPORT_MATCHMAKING_PAIRS);
}

/** The documents a report cites: those behind the findings with their quotes, then any other the answer names. */
export function citedSources(gaps: GapReport): Map<string, string[]> {
  const cited = new Map<string, string[]>();
  for (const finding of gaps.findings)
    for (const source of finding.evidence.sources) cited.set(source.doc, [...(cited.get(source.doc) ?? []), source.quote]);
  for (const doc of gaps.documents) if (!cited.has(doc.id)) cited.set(doc.id, []);
  return cited;
}
