import { edgeId } from "../graph/elements.ts";
import { SIGNAL_WEIGHTS, TAG_WEIGHTS } from "./signals.ts";
import type { Bilingual, FlowCheck } from "./types.ts";

export interface MatchPair {
  supplier: string;
  buyer: string;
  flow: string;
  sellsOutside: boolean;
}

export interface RankedPair extends MatchPair {
  score: number;
  reason: Bilingual;
  reasons: { kind: string; weight: number; message: Bilingual }[];
}

/** Pairs kept per broken flow, after ranking. */
export const PAIRS_PER_FLOW = 10;

/**
 * Local supply-demand introductions (供需对接) for broken flows: every local upstream firm the
 * flow read (those selling outside first) with every local downstream firm it read, where no
 * local tie exists yet. Ranked by rankPairs before anything is cut.
 */
export function pairsForBrokenFlows(flows: FlowCheck[], brokenFlowIds: Set<string>): MatchPair[] {
  const pairs: MatchPair[] = [];
  for (const flow of flows) {
    const id = edgeId(flow.edge);
    if (!brokenFlowIds.has(id) || flow.downstreamIds.length === 0) continue;
    const tied = new Set(flow.localTies.map((t) => `${t.from}>${t.to}`));
    const sellersOutside = new Set(flow.outsideSellers.map((f) => f.id));
    const suppliers = [...new Set([...sellersOutside, ...flow.upstreamIds])];
    for (const supplier of suppliers) {
      for (const buyer of flow.downstreamIds) {
        if (supplier === buyer || tied.has(`${supplier}>${buyer}`)) continue;
        pairs.push({ supplier, buyer, flow: id, sellsOutside: sellersOutside.has(supplier) });
      }
    }
  }
  return pairs;
}

/**
 * The same signals as recruitment: a buyer that is the chain leader weighs as "supplies the
 * leader", any other local buyer as "supplies a local firm"; a supplier already selling the
 * product outside weighs as a proven supplier (buys-from-local weight); the supplier's tags add
 * their weights. Sorted by score DESC, then supplier and buyer ids; PAIRS_PER_FLOW kept per flow.
 */
export function rankPairs(pairs: MatchPair[], tagsOf: (id: string) => string[], leaderIds: Set<string>): RankedPair[] {
  const ranked = pairs.map((p) => {
    const reasons: RankedPair["reasons"] = [];
    if (leaderIds.has(p.buyer)) {
      reasons.push({
        kind: "buyer-is-leader",
        weight: SIGNAL_WEIGHTS.suppliesLeader,
        message: { zh: "买方是本地链主企业", en: "the buyer is our chain leader" },
      });
    } else {
      reasons.push({
        kind: "local-buyer",
        weight: SIGNAL_WEIGHTS.suppliesLocal,
        message: { zh: "买方是本地企业", en: "the buyer is local" },
      });
    }
    if (p.sellsOutside) {
      reasons.push({
        kind: "sells-outside",
        weight: SIGNAL_WEIGHTS.buysFromLocal,
        message: { zh: "供方产品目前主要销往外地", en: "the supplier already sells this outside the region" },
      });
    }
    for (const tag of tagsOf(p.supplier)) {
      const weight = TAG_WEIGHTS[tag];
      if (weight) reasons.push({ kind: "tag", weight, message: { zh: `供方为${tag}企业`, en: `the supplier is ${tag}` } });
    }
    const score = Math.round(reasons.reduce((sum, r) => sum + r.weight, 0) * 100) / 100;
    const reason = p.sellsOutside
      ? {
          zh: "上游产品目前主要销往外地，可对接本地下游就近采购",
          en: "the supplier sells mainly outside; introduce it to this local buyer",
        }
      : { zh: "上下游均在本地但尚无供应关系，可组织供需对接", en: "both are local but not yet trading; introduce them" };
    return { ...p, score, reason, reasons };
  });
  ranked.sort((a, b) => b.score - a.score || a.supplier.localeCompare(b.supplier) || a.buyer.localeCompare(b.buyer));
  const perFlow = new Map<string, number>();
  return ranked.filter((p) => {
    const n = perFlow.get(p.flow) ?? 0;
    perFlow.set(p.flow, n + 1);
    return n < PAIRS_PER_FLOW;
  });
}
