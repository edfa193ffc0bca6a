import { edgeId } from "../graph/elements.ts";
import type { Bilingual, FlowCheck } from "./types.ts";

export interface MatchPair {
  supplier: string;
  buyer: string;
  reason: Bilingual;
}

const PAIRS_PER_FLOW = 10;

/**
 * Local supply-demand introductions (供需对接) for broken flows: every local firm upstream (the
 * ones selling outside first) paired with every local firm downstream, where no local tie exists.
 */
export function pairsForBrokenFlows(flows: FlowCheck[], brokenFlowIds: Set<string>): MatchPair[] {
  const pairs: MatchPair[] = [];
  for (const flow of flows) {
    if (!brokenFlowIds.has(edgeId(flow.edge)) || flow.downstreamIds.length === 0) continue;
    const tied = new Set(flow.localTies.map((t) => `${t.from}>${t.to}`));
    const sellersOutside = new Set(flow.outsideSellers.map((f) => f.id));
    const suppliers = [...new Set([...sellersOutside, ...flow.upstreamIds])];
    let added = 0;
    for (const supplier of suppliers) {
      for (const buyer of flow.downstreamIds) {
        if (added >= PAIRS_PER_FLOW || supplier === buyer || tied.has(`${supplier}>${buyer}`)) continue;
        pairs.push({
          supplier,
          buyer,
          reason: sellersOutside.has(supplier)
            ? {
                zh: "上游产品目前主要销往外地，可对接本地下游就近采购",
                en: "the supplier sells mainly outside; introduce it to this local buyer",
              }
            : { zh: "上下游均在本地但尚无供应关系，可组织供需对接", en: "both are local but not yet trading; introduce them" },
        });
        added += 1;
      }
    }
  }
  return pairs;
}
