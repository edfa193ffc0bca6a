import type { GapReport } from "../../model/api/analysis.ts";
import { detectGaps, leaderRatios } from "../analysis/detect-gaps.ts";
import { DEFAULT_TOP, groupCounts, PRIORITY_WEIGHTS, prioritiseFindings } from "../analysis/prioritise.ts";
import type { ScenarioChange } from "../analysis/scenarios/changes.ts";
import type { Overlaid } from "../analysis/scenarios/overlay.ts";
import { DEFAULT_THRESHOLDS, type LeaderCheck, type SegmentCoverage, type Thresholds } from "../analysis/types.ts";
import type { Graph } from "../db/graph.ts";
import { toNodeData } from "../graph/elements.ts";
import {
  countSegmentCandidates,
  type EnclaveMode,
  findChainHeader,
  findChainWithSegments,
  findDocuments,
  findLocalScope,
  readChainLeaders,
  readChainSupport,
  readSegmentCoverage,
  readSegmentFlows,
} from "../repositories/analysis.ts";
import { overlayRows } from "./scenario-overlay.ts";

export interface GapQuery {
  chain: string;
  region: string;
  enclaves: EnclaveMode;
  thresholds?: Partial<Thresholds>;
  /** How many of the prioritised findings the `top` list holds. */
  top?: number;
  /** A scenario's changes: the analysis runs on the rows as they would be (远景), never written to the graph. */
  changes?: ScenarioChange[];
}

/** Everything the gap report needs, read in a handful of bounded queries, judged in detectGaps. */
export async function analyseChainGaps(graph: Graph, query: GapQuery) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...query.thresholds };
  const [{ chain, segmentIds }, scope] = await Promise.all([
    findChainWithSegments(graph, query.chain),
    findLocalScope(graph, query.region, query.enclaves),
  ]);
  // The four reads need only the chain's segment ids and the local regions: side by side, not in turn.
  const [coverage, plainFlows, plainLeaders, support] = await Promise.all([
    readSegmentCoverage(graph, query.chain, scope.regionIds),
    readSegmentFlows(graph, segmentIds, scope.regionIds),
    readChainLeaders(graph, query.chain, scope.regionIds),
    readChainSupport(graph, [query.chain, ...segmentIds], scope.regionIds),
  ]);
  const plain = { segments: coverage, flows: plainFlows, leaders: plainLeaders };
  const overlay: Overlaid | null = query.changes?.length
    ? await overlayRows(graph, plain, query.changes, { chain: query.chain, regionIds: scope.regionIds })
    : null;
  const { segments, flows, leaders } = overlay ?? plain;
  const detected = detectGaps({ segments, flows, leaders, support, thresholds });
  const summary = detected.summary;
  const targetable = [...new Set(detected.findings.filter((f) => f.segment && f.kind !== "broken-link").map((f) => f.segment!))];
  // Prioritising orders the findings but keeps their evidence, so the cited documents are known
  // (and read, ordered by date in the query) before the candidate counts come back.
  const cited = [...new Set(detected.findings.flatMap((f) => f.evidence.sources.map((s) => s.doc)))];
  const [candidatesBySegment, documents] = await Promise.all([
    countSegmentCandidates(graph, targetable, scope.regionIds),
    findDocuments(graph, cited),
  ]);
  const findings = prioritiseFindings(detected.findings, { segments, flows, leaders, candidatesBySegment });
  return { chain, scope, segments, flows, leaders, support, findings, summary, thresholds, documents, candidatesBySegment, overlay };
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

/** The gap report in the shape of GET /api/chains/:id/gaps. */
export async function chainGapReport(graph: Graph, query: GapQuery): Promise<GapReport> {
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

/** Region × segment coverage matrix for a chain. */
export async function compareRegions(
  graph: Graph,
  chain: string,
  regions: string[],
  enclaves: EnclaveMode,
  scenario?: { region: string; changes: ScenarioChange[] },
) {
  const chainNode = await findChainHeader(graph, chain);
  const scopes = await Promise.all(regions.map((region) => findLocalScope(graph, region, enclaves)));
  const rows = await Promise.all(
    scopes.map(async (scope) => {
      const [segments, leaderRows] = await Promise.all([
        readSegmentCoverage(graph, chain, scope.regionIds),
        readChainLeaders(graph, chain, scope.regionIds),
      ]);
      // The scenario's region is shown as it would be (远景); the others as they are.
      if (scenario?.region !== scope.region.id) return { segments, leaders: leaderRows };
      return overlayRows(graph, { segments, flows: [], leaders: leaderRows }, scenario.changes, { chain, regionIds: scope.regionIds });
    }),
  );
  const coverage = rows.map((r) => r.segments);
  const leaders = rows.map((r) => leadersInSegments(r.leaders, r.segments));
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
