import type { Graph } from "../db/graph.ts";
import { type NodeRow, toElements, toNodeData } from "../graph/elements.ts";
import { readChainMapFirms, readSupplyTiesAmong } from "../repositories/analysis.ts";
import { analyseChainGaps, type GapQuery } from "./gap-analysis.ts";

/** Firms drawn at most; beyond, the answer says `truncated` and the map tells the planner. */
const MAP_FIRM_LIMIT = 1500;

/** The chain map: segments by stage with gaps marked in place, local firms, leaders, flows and ties. */
export async function chainMap(graph: Graph, query: GapQuery) {
  const analysis = await analyseChainGaps(graph, query);
  const firmRows = await readChainMapFirms(graph, query.chain, analysis.scope.regionIds, MAP_FIRM_LIMIT + 1);
  const truncated = firmRows.length > MAP_FIRM_LIMIT;
  const firms = firmRows.slice(0, MAP_FIRM_LIMIT);
  const ties = await readSupplyTiesAmong(
    graph,
    firms.map((f) => f.firm.id),
  );

  const gapBySegment = new Map<string, "missing" | "thin">();
  for (const f of analysis.findings) {
    if (f.kind === "missing-segment" && f.segment) gapBySegment.set(f.segment, "missing");
    if (f.kind === "thin-segment" && f.segment && !gapBySegment.has(f.segment)) gapBySegment.set(f.segment, "thin");
  }
  const brokenFlows = new Set(analysis.findings.filter((f) => f.kind === "broken-link").flatMap((f) => f.evidence.edgeIds));

  const segmentNodes: NodeRow[] = analysis.segments.map((s) => ({
    ...s.segment,
    parent: s.parent ?? undefined,
    localFirms: s.localFirms,
    aboveScaleFirms: s.aboveScaleFirms,
    reportedFirms: s.reportedFirms ?? undefined,
    gap: gapBySegment.get(s.segment.id) ?? null,
  }));
  const firmNodes: NodeRow[] = firms.map((f) => ({ ...f.firm, segments: f.segments, leader: f.leader, local: true }));
  const elements = toElements([...segmentNodes, ...firmNodes], [...analysis.flows.map((f) => f.edge), ...ties]);
  for (const edge of elements.edges) {
    if (edge.data.type === "FEEDS") edge.data.broken = brokenFlows.has(edge.data.id);
  }
  return {
    chain: toNodeData(analysis.chain),
    region: toNodeData(analysis.scope.region),
    enclaves: query.enclaves,
    truncated,
    elements,
  };
}
