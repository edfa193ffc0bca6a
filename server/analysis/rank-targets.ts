import type { EdgeRow, NodeRow } from "../graph/elements.ts";
import type { Bilingual } from "./types.ts";

/** A firm outside the region in a gap segment, with its ties into the region (find-recruitment-candidates). */
export interface CandidateRow {
  firm: NodeRow & { name: string; tags?: string[] };
  /** The gap segment the firm would fill, and the segment it was found in (the gap's own, a sub-segment, or an equivalent). */
  gap: { id: string; name: string; nameEn?: string };
  via: string[];
  locatedIn: string[];
  suppliesLocal: string[];
  buysFromLocal: string[];
  localFunds: string[];
  localInstitutes: string[];
  adamicAdar: number | null;
  sharedNeighbours: string[];
}

export interface Reason {
  kind:
    | "in-gap-segment"
    | "supplies-leader"
    | "supplies-local"
    | "buys-from-local"
    | "local-fund"
    | "local-institute"
    | "shared-neighbours"
    | "tag";
  weight: number;
  message: Bilingual;
  /** Node ids from the candidate to the local entity that justifies the reason. */
  path: string[];
}

/**
 * The recruitment score, documented in docs/gap-detection.md: a sum of weighted reasons, each
 * one a tie into the region (strongest: it already supplies our chain leader) or a quality of
 * the firm (its tags); being in the gap segment at all is the base reason. Repeated ties of one
 * kind count up to three times so one busy firm does not drown the ranking (ties to the leader
 * are counted apart from other local firms); shared-neighbour evidence (Adamic-Adar, hubs
 * excluded) is capped at 5.
 */
export const WEIGHTS = {
  inGapSegment: 1,
  suppliesLeader: 5,
  suppliesLocal: 3,
  buysFromLocal: 2,
  localFund: 3,
  localInstitute: 2,
  adamicAdarCap: 5,
  perKindCap: 3,
} as const;

export const TAG_WEIGHTS: Record<string, number> = {
  小巨人: 2,
  独角兽: 2,
  专精特新: 1.5,
  龙头: 1.5,
  上市: 1,
  规上: 1,
  高新技术: 0.5,
};

const TAG_EN: Record<string, string> = {
  小巨人: "national 'little giant'",
  独角兽: "unicorn",
  专精特新: "specialised and innovative (专精特新)",
  龙头: "industry leader",
  上市: "listed",
  规上: "above designated size",
  高新技术: "high-tech enterprise",
};

export interface RankedTarget {
  firm: CandidateRow["firm"];
  locatedIn: string[];
  score: number;
  reasons: Reason[];
  edges: EdgeRow[];
}

export function rankTargets(candidates: CandidateRow[], leaderIds: string[]): RankedTarget[] {
  const leaders = new Set(leaderIds);
  return candidates.map((c) => scoreCandidate(c, leaders)).sort((a, b) => b.score - a.score || a.firm.id.localeCompare(b.firm.id));
}

function scoreCandidate(c: CandidateRow, leaders: Set<string>): RankedTarget {
  const id = c.firm.id;
  const reasons: Reason[] = [];
  const edges: EdgeRow[] = [];
  const edge = (type: string, from: string, to: string) => edges.push({ type, from, to, props: {} });
  const capped = <T>(list: T[]) => list.slice(0, WEIGHTS.perKindCap);

  const elsewhere = c.via.filter((segment) => segment !== c.gap.id);
  reasons.push({
    kind: "in-gap-segment",
    weight: WEIGHTS.inGapSegment,
    message:
      elsewhere.length > 0
        ? {
            zh: `所在细分行业与缺口环节“${c.gap.name}”相同`,
            en: `works in the same industry as the gap segment ${c.gap.nameEn ?? c.gap.name}`,
          }
        : { zh: `属于缺口环节“${c.gap.name}”`, en: `works in the gap segment ${c.gap.nameEn ?? c.gap.name}` },
    path: [id, ...elsewhere.slice(0, 1), c.gap.id],
  });
  const foundIn = elsewhere[0] ?? c.gap.id;
  edge("IN_SEGMENT", id, foundIn);
  if (foundIn !== c.gap.id) edge("EQUIVALENT_TO", c.gap.id, foundIn);

  // Ties into the region, strongest first; `outward` says the edge runs from the candidate.
  const ties: { locals: string[]; kind: Reason["kind"]; weight: number; message: Bilingual; type: string; outward: boolean }[] = [
    {
      locals: c.suppliesLocal.filter((local) => leaders.has(local)),
      kind: "supplies-leader",
      weight: WEIGHTS.suppliesLeader,
      message: { zh: "已是本地链主企业的供应商", en: "already supplies our chain leader" },
      type: "SUPPLIES",
      outward: true,
    },
    {
      locals: c.suppliesLocal.filter((local) => !leaders.has(local)),
      kind: "supplies-local",
      weight: WEIGHTS.suppliesLocal,
      message: { zh: "已向本地企业供货", en: "already supplies a local firm" },
      type: "SUPPLIES",
      outward: true,
    },
    {
      locals: c.localFunds,
      kind: "local-fund",
      weight: WEIGHTS.localFund,
      message: { zh: "获本地产业基金投资", en: "backed by a fund we sponsor" },
      type: "INVESTS_IN",
      outward: false,
    },
    {
      locals: c.buysFromLocal,
      kind: "buys-from-local",
      weight: WEIGHTS.buysFromLocal,
      message: { zh: "已从本地企业采购", en: "already buys from a local firm" },
      type: "SUPPLIES",
      outward: false,
    },
    {
      locals: c.localInstitutes,
      kind: "local-institute",
      weight: WEIGHTS.localInstitute,
      message: { zh: "与本地科研机构有合作", en: "cooperates with a local institute" },
      type: "COOPERATES_WITH",
      outward: false,
    },
  ];
  for (const tie of ties) {
    for (const local of capped(tie.locals)) {
      reasons.push({ kind: tie.kind, weight: tie.weight, message: tie.message, path: [id, local] });
      edge(tie.type, tie.outward ? id : local, tie.outward ? local : id);
    }
  }
  const aa = c.adamicAdar ?? 0;
  if (aa > 0) {
    const weight = Math.round(Math.min(aa, WEIGHTS.adamicAdarCap) * 100) / 100;
    reasons.push({
      kind: "shared-neighbours",
      weight,
      message: {
        zh: `与本地企业有${c.sharedNeighbours.length}个共同关联方（Adamic-Adar ${aa.toFixed(2)}）`,
        en: `shares ${c.sharedNeighbours.length} partner(s) with local firms (Adamic-Adar ${aa.toFixed(2)})`,
      },
      path: [id, ...c.sharedNeighbours],
    });
  }
  for (const tag of c.firm.tags ?? []) {
    const weight = TAG_WEIGHTS[tag];
    if (!weight) continue;
    reasons.push({ kind: "tag", weight, message: { zh: tag, en: TAG_EN[tag] ?? tag }, path: [id] });
  }
  const score = Math.round(reasons.reduce((sum, r) => sum + r.weight, 0) * 100) / 100;
  return { firm: c.firm, locatedIn: c.locatedIn, score, reasons: reasons.sort((a, b) => b.weight - a.weight), edges };
}
