import { detectGaps, leaderRatios } from "../analysis/detect-gaps.ts";
import { pairsForBrokenFlows, rankPairs } from "../analysis/matchmaking.ts";
import { DEFAULT_TOP, groupCounts, PRIORITY_WEIGHTS, prioritiseFindings } from "../analysis/prioritise.ts";
import { type EvidenceRow, explainTargets, type RankedRow } from "../analysis/rank-targets.ts";
import { recruitRoute } from "../analysis/recruit-route.ts";
import { PER_KIND_CAP, rankingParameters, SIGNAL_WEIGHTS, TAG_WEIGHTS } from "../analysis/signals.ts";
import {
  DEFAULT_THRESHOLDS,
  type FlowCheck,
  type LeaderCheck,
  type SegmentCoverage,
  type SupportActor,
  type Thresholds,
} from "../analysis/types.ts";
import type { Graph } from "../db/graph.ts";
import { type EdgeRow, edgeId, type NodeRow, toElements, toNodeData } from "../graph/elements.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { dropNulls } from "./drop-nulls.ts";
import { gapDensities } from "./relatedness.ts";

export type EnclaveMode = "home" | "host" | "both";

/** Firms listed per segment in a gap report; counts are exact, lists are samples. */
const FIRM_SAMPLE = 50;
/** Upper bound on firms read per side of a flow, so a huge region stays a bounded read. */
const FLOW_FIRM_CAP = 5000;
/** Upper bound on a leader's suppliers (and, apart, customers) read; documented in docs/gap-detection.md. */
const LEADER_TIE_CAP = 5000;
/** The findings' priority only asks whether a gap segment has any candidate: the count stops at the first. */
const CANDIDATE_COUNT_CAP = 1;

export interface LocalScope {
  region: NodeRow;
  regionIds: string[];
  enclaveIds: string[];
}

export async function findLocalScope(graph: Graph, region: string, enclaves: EnclaveMode): Promise<LocalScope> {
  const row = await graph.readOne<LocalScope>("find-local-regions", { region, enclaves });
  if (!row) throw new NotFoundError(`region "${region}"`);
  return row;
}

export async function findChain(graph: Graph, chain: string): Promise<NodeRow> {
  const row = await graph.readOne<{ chain: NodeRow }>("find-chain-header", { chain });
  if (!row) throw new NotFoundError(`chain "${chain}"`);
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
  /** How many of the prioritised findings the `top` list holds. */
  top?: number;
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
    graph.read<LeaderCheck & Record<string, unknown>>("find-chain-leaders", {
      chain: query.chain,
      regionIds: scope.regionIds,
      tieCap: LEADER_TIE_CAP,
    }),
    graph.read<SupportActor & Record<string, unknown>>("find-chain-support", {
      targetIds: [query.chain, ...segmentIds],
      regionIds: scope.regionIds,
    }),
  ]);
  const detected = detectGaps({ segments, flows, leaders, support, thresholds });
  const summary = detected.summary;
  const targetable = [...new Set(detected.findings.filter((f) => f.segment && f.kind !== "broken-link").map((f) => f.segment!))];
  const counted =
    targetable.length === 0
      ? []
      : await graph.read<{ segment: string; candidates: number }>("count-segment-candidates", {
          segmentIds: targetable,
          regionIds: scope.regionIds,
          cap: CANDIDATE_COUNT_CAP,
        });
  const candidatesBySegment = new Map(counted.map((c) => [c.segment, c.candidates]));
  const findings = prioritiseFindings(detected.findings, { segments, flows, leaders, candidatesBySegment });
  const cited = [...new Set(findings.flatMap((f) => f.evidence.sources.map((s) => s.doc)))];
  const documents = await findDocuments(graph, cited);
  return { chain, scope, segments, flows, leaders, support, findings, summary, thresholds, documents, candidatesBySegment };
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
    top: analysis.findings.slice(0, query.top ?? DEFAULT_TOP).map((f) => f.id),
    groups: groupCounts(analysis.findings),
    priorityWeights: PRIORITY_WEIGHTS,
    leaders: analysis.leaders.map((l) => ({
      id: l.leader.id,
      name: l.leader.name,
      nameEn: typeof l.leader.nameEn === "string" ? l.leader.nameEn : undefined,
      ...leaderRatios(l),
      weak: analysis.findings.some((f) => f.id === `weak-leader-ties:${l.leader.id}`),
    })),
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

/**
 * Candidates scored at most: beyond this many eligible outside firms the scan stops and the
 * response says `truncated`. Every candidate up to it is scored before anything is cut.
 */
export const SCAN_CAP = 100_000;
/** Ranked candidates the 招商路线图 (minimum recruit set) chooses from. */
const ROUTE_POOL = 500;
const ROUTE_STEPS = 20;

export interface TargetQuery extends GapQuery {
  segment?: string;
  limit: number;
  offset?: number;
}

interface PartnerRegion {
  region: string;
  edge: EdgeRow;
}

/**
 * Recruitment targets (招商) for one gap segment, or for every missing or thin segment: ranked in
 * the database (rank-recruitment-candidates), explained with real evidence paths for the page
 * (find-target-evidence), a minimum recruit set over the best-ranked pool, and local
 * matchmaking pairs ranked by the same signals.
 */
export async function recruitmentTargets(graph: Graph, query: TargetQuery) {
  const offset = query.offset ?? 0;
  const analysis = await analyseChainGaps(graph, query);
  const known = new Set(analysis.segments.map((s) => s.segment.id));
  if (query.segment && !known.has(query.segment)) throw new NotFoundError(`segment "${query.segment}" in chain "${query.chain}"`);
  const gapFindings = analysis.findings.filter((f) => f.kind === "missing-segment" || f.kind === "thin-segment");
  const segmentIds = query.segment ? [query.segment] : [...new Set(gapFindings.map((f) => f.segment!))];
  const leaderIds = analysis.leaders.map((l) => l.leader.id);
  const regionIds = analysis.scope.regionIds;

  const [partners, densityRows] = await Promise.all([
    graph.read<PartnerRegion>("find-partner-regions", { region: query.region, regionIds }),
    gapDensities(graph, query.chain, analysis.segments, segmentIds),
  ]);
  const partnerRegionIds = partners.map((p) => p.region);
  const density = Object.fromEntries(densityRows.map((d) => [d.segment, d.density]));
  const base = { segmentIds, regionIds, leaderIds, partnerRegionIds, perKindCap: PER_KIND_CAP };

  const ranking =
    segmentIds.length === 0
      ? { total: 0, page: [] as RankedRow[] }
      : ((await graph.readOne<{ total: number; page: RankedRow[] }>("rank-recruitment-candidates", {
          ...base,
          ...rankingParameters(),
          density,
          scanLimit: SCAN_CAP + 1,
          offset: 0,
          limit: Math.max(ROUTE_POOL, offset + query.limit),
        })) ?? { total: 0, page: [] });
  const truncated = ranking.total > SCAN_CAP;
  const pool = ranking.page;
  const pageRows = pool.slice(offset, offset + query.limit);
  const evidence =
    pageRows.length === 0
      ? []
      : await graph.read<EvidenceRow>("find-target-evidence", { ...base, firmIds: pageRows.map((r) => r.firm.id) });
  const segmentNames = new Map(analysis.segments.map((s) => [s.segment.id, s.segment.name]));
  const densityBySegment = new Map(densityRows.map((d) => [d.segment, d]));
  const targets = explainTargets(pageRows, evidence, {
    offset,
    densityNote: (gaps) => {
      const best = gaps.map((g) => densityBySegment.get(g)).sort((a, b) => (b?.density ?? 0) - (a?.density ?? 0))[0];
      if (!best || best.density === 0) return null;
      const near = best.nearest.map((n) => `${segmentNames.get(n.segment) ?? n.segment}（φ=${n.phi.toFixed(2)}）`).join("、");
      return {
        zh: `缺口环节“${segmentNames.get(best.segment) ?? best.segment}”与本地优势环节相近：关联密度${best.density.toFixed(2)}${near ? `，最近的是${near}` : ""}`,
        en: `the gap segment is close to local strengths: relatedness density ${best.density.toFixed(2)}${near ? ` (nearest: ${best.nearest.map((n) => `${n.segment} φ=${n.phi.toFixed(2)}`).join(", ")})` : ""}`,
      };
    },
  });
  // A partner-region path ends at the partner region; the edge that makes it a partner is read by find-partner-regions.
  const partnerEdge = new Map(partners.map((p) => [p.region, p.edge]));
  for (const target of targets) {
    for (const reason of target.reasons.filter((r) => r.kind === "partnerRegion")) {
      for (const path of reason.paths) {
        const link = partnerEdge.get(path.nodes[path.nodes.length - 1] ?? "");
        if (!link) continue;
        const other = link.from === path.nodes[path.nodes.length - 1] ? link.to : link.from;
        path.nodes.push(other);
        path.edges.push(link);
        target.edges.push(link);
      }
    }
  }

  const priorityOf = new Map(analysis.findings.map((f) => [f.segment ?? f.id, f.priority ?? 1]));
  const steps = recruitRoute(
    pool.map((r) => ({ id: r.firm.id, score: r.score, gaps: r.gaps })),
    (gap) => priorityOf.get(gap) ?? 1,
    ROUTE_STEPS,
  );
  const closed = new Set(steps.flatMap((s) => s.closes));

  const flows = analysis.flows.filter((f) => !query.segment || f.from === query.segment || f.to === query.segment);
  const brokenFlowIds = new Set(analysis.findings.filter((f) => f.kind === "broken-link").flatMap((f) => f.evidence.edgeIds));
  const pairCandidates = pairsForBrokenFlows(flows, brokenFlowIds);
  const pairNodeIds = [...new Set(pairCandidates.flatMap((p) => [p.supplier, p.buyer]))];
  const pathNodeIds = [...new Set(targets.flatMap((t) => t.reasons.flatMap((r) => r.paths.flatMap((p) => p.nodes))))];
  const poolById = new Map(pool.map((r) => [r.firm.id, r.firm]));
  const nodeRows = await findNodes(graph, [...new Set([...pairNodeIds, ...pathNodeIds, ...segmentIds, ...steps.map((s) => s.firm)])]);
  const nodeById = new Map(nodeRows.map((n) => [n.id, n]));
  const tagsOf = (id: string) => {
    const tags = nodeById.get(id)?.tags;
    return Array.isArray(tags) ? tags.map(String) : [];
  };
  const matchmaking = rankPairs(pairCandidates, tagsOf, new Set(leaderIds))
    .filter((p) => nodeById.has(p.supplier) && nodeById.has(p.buyer))
    .map((p) => ({
      supplier: toNodeData(nodeById.get(p.supplier)!),
      buyer: toNodeData(nodeById.get(p.buyer)!),
      reason: p.reason,
      score: p.score,
      reasons: p.reasons,
    }));

  return {
    segments: segmentIds
      .map((id) => nodeById.get(id))
      .filter(Boolean)
      .map((n) => toNodeData(n!)),
    total: Math.min(ranking.total, SCAN_CAP),
    offset,
    limit: query.limit,
    truncated,
    scanCap: SCAN_CAP,
    weights: { signals: SIGNAL_WEIGHTS, tags: TAG_WEIGHTS, perKindCap: PER_KIND_CAP },
    densities: densityRows.map((d) => ({ segment: d.segment, density: Math.round(d.density * 1000) / 1000, nearest: d.nearest })),
    targets: targets.map((t) => ({
      rank: t.rank,
      firm: toNodeData(t.firm),
      locatedIn: t.locatedIn,
      gaps: t.gaps,
      score: t.score,
      reasons: t.reasons.map((r) => ({
        kind: r.kind,
        weight: r.weight,
        count: r.count,
        message: r.message,
        path: r.path,
        paths: r.paths.map((p) => ({ nodes: p.nodes, edgeIds: p.edges.map(edgeId) })),
      })),
    })),
    route: {
      steps: steps.map((s) => {
        const node = nodeById.get(s.firm) ?? poolById.get(s.firm);
        return { step: s.step, firm: toNodeData(node!), closes: s.closes, score: Math.round(s.score * 100) / 100 };
      }),
      unclosed: segmentIds.filter((id) => !closed.has(id)),
      method: "greedy weighted set cover over the best-ranked candidates; within H(n) ≤ ln(n) + 1 of the smallest set",
    },
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
        .read<LeaderCheck>("find-chain-leaders", { chain, regionIds: scope.regionIds, tieCap: LEADER_TIE_CAP })
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
