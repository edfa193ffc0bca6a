import { type EdgeRow, edgeId, type NodeRow } from "../graph/elements.ts";
import {
  PER_KIND_CAP,
  SIGNAL_MESSAGES,
  SIGNAL_WEIGHTS,
  type SignalCounts,
  type SignalKind,
  TAG_EN,
  TAG_WEIGHTS,
  TIE_SIGNALS,
} from "./signals.ts";
import type { Bilingual } from "./types.ts";

/** One ranked row of rank-recruitment-candidates: the firm, the gaps it could fill, its signal counts and score. */
export interface RankedRow {
  firm: NodeRow & { name: string; tags?: string[] };
  gaps: string[];
  counts: SignalCounts;
  density: number;
  /** ST / *ST in the firm's name or an alias (the negative signal). */
  riskWarning?: boolean;
  score: number;
}

/** One real path from find-target-evidence: the node ids along it and its edges. */
export interface EvidencePath {
  kind: string;
  nodes: string[];
  edges: EdgeRow[];
}

export interface EvidenceRow {
  firm: string;
  paths: EvidencePath[];
  locatedIn: string[];
}

export interface Reason {
  kind: SignalKind;
  /** What this reason adds to the score: its weight per tie × the ties counted. */
  weight: number;
  /** Ties the score counted (at most PER_KIND_CAP), or 1 for tags, relatedness and the base reason. */
  count: number;
  message: Bilingual;
  /** The first evidence path (node ids), kept for clients that draw one path per reason. */
  path: string[];
  /** Every evidence path read for this reason, with its edges: only what the graph holds. */
  paths: { nodes: string[]; edges: EdgeRow[] }[];
}

export interface RankedTarget {
  rank: number;
  firm: RankedRow["firm"];
  locatedIn: string[];
  gaps: string[];
  score: number;
  reasons: Reason[];
  edges: EdgeRow[];
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Turns the database's ranking and the page's evidence into reasons a planner can read: one
 * reason per signal with its weight, the count behind it and the real paths that prove it.
 * The order is the database's (score DESC, id); nothing here re-ranks.
 */
export function explainTargets(
  rows: RankedRow[],
  evidence: EvidenceRow[],
  context: { offset: number; densityNote: (gaps: string[]) => Bilingual | null },
): RankedTarget[] {
  const byFirm = new Map(evidence.map((e) => [e.firm, e]));
  return rows.map((row, i) => {
    const found = byFirm.get(row.firm.id);
    const pathsOf = (kind: string) => (found?.paths ?? []).filter((p) => p.kind === kind).map(({ nodes, edges }) => ({ nodes, edges }));
    const reasons: Reason[] = [];
    const add = (kind: SignalKind, weight: number, count: number, message: Bilingual, paths = pathsOf(kind)) =>
      reasons.push({ kind, weight: round(weight), count, message, path: paths[0]?.nodes ?? [row.firm.id], paths });

    add("inGapSegment", SIGNAL_WEIGHTS.inGapSegment, 1, SIGNAL_MESSAGES.inGapSegment);
    for (const kind of TIE_SIGNALS) {
      const count = Math.min(row.counts[kind] ?? 0, PER_KIND_CAP);
      if (count > 0) add(kind, SIGNAL_WEIGHTS[kind] * count, count, SIGNAL_MESSAGES[kind]);
    }
    if (row.density > 0) {
      const note = context.densityNote(row.gaps) ?? {
        zh: `缺口环节与本地优势环节相近（关联密度${row.density.toFixed(2)}）`,
        en: `the gap segment is close to local strengths (relatedness density ${row.density.toFixed(2)})`,
      };
      add("relatedness", SIGNAL_WEIGHTS.relatedness * row.density, 1, note, []);
    }
    for (const tag of row.firm.tags ?? []) {
      const weight = TAG_WEIGHTS[tag];
      if (weight) add("tag", weight, 1, { zh: tag, en: TAG_EN[tag] ?? tag }, [{ nodes: [row.firm.id], edges: [] }]);
    }
    if (row.riskWarning)
      add("riskWarning", SIGNAL_WEIGHTS.riskWarning, 1, SIGNAL_MESSAGES.riskWarning, [{ nodes: [row.firm.id], edges: [] }]);
    reasons.sort((a, b) => b.weight - a.weight);
    const edges = dedupeEdges(reasons.flatMap((r) => r.paths.flatMap((p) => p.edges)));
    return {
      rank: context.offset + i + 1,
      firm: row.firm,
      locatedIn: found?.locatedIn ?? [],
      gaps: row.gaps,
      score: round(row.score),
      reasons,
      edges,
    };
  });
}

function dedupeEdges(edges: EdgeRow[]): EdgeRow[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = edgeId(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
