import { assessResilience } from "../analysis/resilience/knockout.ts";
import { NEW_FIRM_PREFIX } from "../analysis/scenarios/changes.ts";
import { overlayFacts } from "../analysis/scenarios/overlay-facts.ts";
import type { Graph } from "../db/graph.ts";
import { toNodeData } from "../graph/elements.ts";
import { readChainMapFirms } from "../repositories/analysis.ts";
import { findProvinceIds, readFirmFacts } from "../repositories/firm-ties.ts";
import { analyseChainGaps, type GapQuery } from "./gap-analysis.ts";

/** Local firms a resilience report knocks out at most (a county chain holds about 250); beyond it the report says `truncated`. */
export const RESILIENCE_FIRM_CAP = 2000;

/**
 * Resilience (韧性) of a chain in a region: the gap rows (under a scenario too), every local firm
 * with its supply partners, the province around the region, then the pure knock-outs. The function
 * other reports call (the N图N清单 pack's resilience sheet).
 */
export async function chainResilience(graph: Graph, query: GapQuery) {
  const analysis = await analyseChainGaps(graph, query);
  const firmRows = await readChainMapFirms(graph, query.chain, analysis.scope.regionIds, RESILIENCE_FIRM_CAP + 1);
  const truncated = firmRows.length > RESILIENCE_FIRM_CAP;
  const overlay = analysis.overlay;
  // Under a scenario (远景) the firms it recruits are local too, and the ones it removes are gone.
  const recruited = (overlay?.added.nodes ?? []).filter((n) => n._labels.includes("Firm") && !n.id.startsWith(NEW_FIRM_PREFIX));
  const ids = [...new Set([...firmRows.slice(0, RESILIENCE_FIRM_CAP).map((r) => r.firm.id), ...recruited.map((n) => n.id)])];
  const provinceIds = await findProvinceIds(graph, query.region);
  const facts = await readFirmFacts(graph, ids, { chain: query.chain, regionIds: analysis.scope.regionIds, provinceIds });
  const firms = overlay ? overlayFacts(facts, overlay) : facts;
  const report = assessResilience({
    rows: { segments: analysis.segments, flows: analysis.flows, leaders: analysis.leaders },
    support: analysis.support,
    thresholds: analysis.thresholds,
    firms,
  });
  return {
    chain: toNodeData(analysis.chain),
    region: toNodeData(analysis.scope.region),
    enclaves: query.enclaves,
    provinceIds,
    truncated,
    segments: analysis.segments.map((s) => ({ id: s.segment.id, name: s.segment.name, nameEn: s.segment.nameEn, stage: s.segment.stage })),
    ...report,
  };
}
