import { detectGaps } from "../analysis/detect-gaps.ts";
import { pairsForBrokenFlows } from "../analysis/matchmaking.ts";
import { type CandidateRow, rankTargets } from "../analysis/rank-targets.ts";
import {
  DEFAULT_THRESHOLDS,
  type FlowCheck,
  type LeaderCheck,
  type SegmentCoverage,
  type SupportActor,
  type Thresholds,
} from "../analysis/types.ts";
import type { Graph } from "../db/graph.ts";
import { type EdgeRow, type NodeRow, toElements, toNodeData } from "../graph/elements.ts";
import { notFound } from "../plugins/errors.ts";
import { dropNulls } from "./drop-nulls.ts";

export type EnclaveMode = "home" | "host" | "both";

/** Firms listed per segment in a gap report; counts are exact, lists are samples. */
const FIRM_SAMPLE = 50;
/** Upper bound on firms read per side of a flow, so a huge region stays a bounded read. */
const FLOW_FIRM_CAP = 5000;

export interface LocalScope {
  region: NodeRow;
  regionIds: string[];
  enclaveIds: string[];
}

export async function findLocalScope(graph: Graph, region: string, enclaves: EnclaveMode): Promise<LocalScope> {
  const row = await graph.readOne<LocalScope>("find-local-regions", { region, enclaves });
  if (!row) throw notFound(`region "${region}"`);
  return row;
}

async function findChain(graph: Graph, chain: string): Promise<NodeRow> {
  const row = await graph.readOne<{ chain: NodeRow }>("find-chain-header", { chain });
  if (!row) throw notFound(`chain "${chain}"`);
  return row.chain;
}

async function readCoverage(graph: Graph, chain: string, regionIds: string[]) {
  return graph.read<SegmentCoverage & Record<string, unknown>>("find-segment-coverage", {
    chain,
    regionIds,
    firmSample: FIRM_SAMPLE,
  });
}

export interface GapQuery {
  chain: string;
  region: string;
  enclaves: EnclaveMode;
  thresholds?: Partial<Thresholds>;
}

/** Everything the gap report needs, read in a handful of bounded queries, judged in detectGaps. */
export async function analyseChainGaps(graph: Graph, query: GapQuery) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...query.thresholds };
  const [chain, scope] = await Promise.all([findChain(graph, query.chain), findLocalScope(graph, query.region, query.enclaves)]);
  const segments = await readCoverage(graph, query.chain, scope.regionIds);
  const segmentIds = segments.map((s) => s.segment.id);
  const [flows, leaders, support] = await Promise.all([
    graph.read<FlowCheck & Record<string, unknown>>("find-segment-flows", {
      segmentIds,
      regionIds: scope.regionIds,
      firmCap: FLOW_FIRM_CAP,
    }),
    graph.read<LeaderCheck & Record<string, unknown>>("find-chain-leaders", { chain: query.chain, regionIds: scope.regionIds }),
    graph.read<SupportActor & Record<string, unknown>>("find-chain-support", {
      targetIds: [query.chain, ...segmentIds],
      regionIds: scope.regionIds,
    }),
  ]);
  const { findings, summary } = detectGaps({ segments, flows, leaders, support, thresholds });
  const cited = [...new Set(findings.flatMap((f) => f.evidence.sources.map((s) => s.doc)))];
  const documents = await findDocuments(graph, cited);
  return { chain, scope, segments, flows, leaders, support, findings, summary, thresholds, documents };
}

/** Leader ids per segment; a leader in a sub-segment also counts for its parent. */
function leadersInSegments(leaders: LeaderCheck[], segments: SegmentCoverage[]): Map<string, string[]> {
  const parentOf = new Map(segments.map((s) => [s.segment.id, s.parent]));
  const bySegment = new Map<string, string[]>();
  for (const { leader, segments: own } of leaders) {
    for (const start of own) {
      for (let id: string | null | undefined = start; id; id = parentOf.get(id)) {
        const list = bySegment.get(id) ?? [];
        if (!list.includes(leader.id)) bySegment.set(id, [...list, leader.id]);
      }
    }
  }
  return bySegment;
}

interface DocumentRow {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  file: string | null;
}

export async function findDocuments(graph: Graph, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await graph.read<{ document: DocumentRow }>("find-documents-by-id", { ids });
  // Imported documents have no outlet or file: the projection hands those back as null, the API leaves them out.
  return rows.map((row) => dropNulls(row.document));
}

/** The gap report in the shape of GET /api/chains/:id/gaps. */
export async function chainGapReport(graph: Graph, query: GapQuery) {
  const analysis = await analyseChainGaps(graph, query);
  const leadersBySegment = leadersInSegments(analysis.leaders, analysis.segments);
  return {
    chain: toNodeData(analysis.chain),
    region: toNodeData(analysis.scope.region),
    enclaves: query.enclaves,
    localRegionIds: analysis.scope.regionIds,
    thresholds: analysis.thresholds,
    segments: analysis.segments.map((s) => ({
      id: s.segment.id,
      name: s.segment.name,
      nameEn: s.segment.nameEn,
      stage: s.segment.stage,
      parent: s.parent ?? undefined,
      localFirms: s.localFirms,
      aboveScaleFirms: s.aboveScaleFirms,
      reportedFirms: s.reportedFirms ?? undefined,
      outputYuan: s.outputYuan ?? undefined,
      localSupport: s.localSupport,
      firmIds: s.firmIds,
      leaders: leadersBySegment.get(s.segment.id) ?? [],
      assumption: typeof s.segment.assumption === "string" ? s.segment.assumption : undefined,
    })),
    findings: analysis.findings,
    summary: analysis.summary,
    documents: analysis.documents,
  };
}

const MAP_FIRM_LIMIT = 1500;

/** The chain map: segments by stage with gaps marked in place, local firms, leaders, flows and ties. */
export async function chainMap(graph: Graph, query: GapQuery) {
  const analysis = await analyseChainGaps(graph, query);
  const firmRows = await graph.read<{ firm: NodeRow; segments: string[]; leader: boolean }>("find-chain-map-firms", {
    chain: query.chain,
    regionIds: analysis.scope.regionIds,
    limit: MAP_FIRM_LIMIT + 1,
  });
  const truncated = firmRows.length > MAP_FIRM_LIMIT;
  const firms = firmRows.slice(0, MAP_FIRM_LIMIT);
  const ties = await graph.read<{ edge: EdgeRow }>("find-supply-ties-among", {
    ids: firms.map((f) => f.firm.id),
    limit: 5000,
  });

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
  const elements = toElements([...segmentNodes, ...firmNodes], [...analysis.flows.map((f) => f.edge), ...ties.map((t) => t.edge)]);
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

const CANDIDATE_CAP = 2000;
const HUB_CAP = 500;

export interface TargetQuery extends GapQuery {
  segment?: string;
  limit: number;
}

/** Recruitment targets (招商) for one gap segment, or for every missing or thin segment. */
export async function recruitmentTargets(graph: Graph, query: TargetQuery) {
  const analysis = await analyseChainGaps(graph, query);
  const known = new Set(analysis.segments.map((s) => s.segment.id));
  if (query.segment && !known.has(query.segment)) throw notFound(`segment "${query.segment}" in chain "${query.chain}"`);
  const segmentIds = query.segment
    ? [query.segment]
    : analysis.findings.filter((f) => f.kind === "missing-segment" || f.kind === "thin-segment").map((f) => f.segment!);

  const candidates =
    segmentIds.length === 0
      ? []
      : await graph.read<CandidateRow & Record<string, unknown>>("find-recruitment-candidates", {
          segmentIds,
          regionIds: analysis.scope.regionIds,
          candidateCap: CANDIDATE_CAP,
          hubCap: HUB_CAP,
        });
  const leaderIds = analysis.leaders.map((l) => l.leader.id);
  const targets = rankTargets(candidates, leaderIds).slice(0, query.limit);

  const flows = analysis.flows.filter((f) => !query.segment || f.from === query.segment || f.to === query.segment);
  const brokenFlowIds = new Set(analysis.findings.filter((f) => f.kind === "broken-link").flatMap((f) => f.evidence.edgeIds));
  const pairCandidates = pairsForBrokenFlows(flows, brokenFlowIds);
  const pairNodeIds = [...new Set(pairCandidates.flatMap((p) => [p.supplier, p.buyer]))];
  const pathNodeIds = [...new Set(targets.flatMap((t) => t.reasons.flatMap((r) => r.path)))];
  const nodeRows = await findNodes(graph, [...new Set([...pairNodeIds, ...pathNodeIds, ...segmentIds])]);
  const nodeById = new Map(nodeRows.map((n) => [n.id, n]));

  const matchmaking = pairCandidates
    .filter((p) => nodeById.has(p.supplier) && nodeById.has(p.buyer))
    .map((p) => ({ supplier: toNodeData(nodeById.get(p.supplier)!), buyer: toNodeData(nodeById.get(p.buyer)!), reason: p.reason }));

  return {
    segments: segmentIds
      .map((id) => nodeById.get(id))
      .filter(Boolean)
      .map((n) => toNodeData(n!)),
    targets: targets.map((t) => ({ firm: toNodeData(t.firm), locatedIn: t.locatedIn, score: t.score, reasons: t.reasons })),
    matchmaking,
    elements: toElements(
      [...targets.map((t) => t.firm), ...nodeRows],
      targets.flatMap((t) => t.edges),
    ),
  };
}

async function findNodes(graph: Graph, ids: string[]): Promise<NodeRow[]> {
  if (ids.length === 0) return [];
  return (await graph.read<{ node: NodeRow }>("find-entities-by-id", { ids })).map((r) => r.node);
}

/** Region × segment coverage matrix for a chain. */
export async function compareRegions(graph: Graph, chain: string, regions: string[], enclaves: EnclaveMode) {
  const chainNode = await findChain(graph, chain);
  const scopes = await Promise.all(regions.map((region) => findLocalScope(graph, region, enclaves)));
  const coverage = await Promise.all(scopes.map((scope) => readCoverage(graph, chain, scope.regionIds)));
  const leaders = await Promise.all(
    scopes.map((scope, i) =>
      graph
        .read<LeaderCheck>("find-chain-leaders", { chain, regionIds: scope.regionIds })
        .then((rows) => leadersInSegments(rows, coverage[i] ?? [])),
    ),
  );
  const segments = (coverage[0] ?? []).map((s) => ({
    id: s.segment.id,
    name: s.segment.name,
    nameEn: s.segment.nameEn,
    stage: s.segment.stage,
    parent: s.parent ?? undefined,
  }));
  const cells = scopes.flatMap((scope, i) =>
    (coverage[i] ?? []).map((s) => ({
      region: scope.region.id,
      segment: s.segment.id,
      firms: s.localFirms,
      aboveScaleFirms: s.aboveScaleFirms,
      reportedFirms: s.reportedFirms ?? undefined,
      leaders: leaders[i]?.get(s.segment.id)?.length ?? 0,
      firmIds: s.firmIds,
    })),
  );
  return {
    chain: toNodeData(chainNode),
    regions: scopes.map((s) => ({ id: s.region.id, name: String(s.region.name), nameEn: s.region.nameEn as string | undefined })),
    segments,
    cells,
  };
}
