import type { Targets } from "../../model/api/analysis.ts";
import { pairsForBrokenFlows, rankPairs } from "../analysis/matchmaking.ts";
import { explainTargets, type RankedRow } from "../analysis/rank-targets.ts";
import { recruitRoute } from "../analysis/recruit-route.ts";
import { NEW_FIRM_PREFIX } from "../analysis/scenarios/changes.ts";
import { PER_KIND_CAP, rankingParameters, SIGNAL_WEIGHTS, TAG_WEIGHTS } from "../analysis/signals.ts";
import type { Graph } from "../db/graph.ts";
import { edgeId, toElements, toNodeData } from "../graph/elements.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { findNodes, findPartnerRegions, rankRecruitmentCandidates, readTargetEvidence } from "../repositories/analysis.ts";
import { analyseChainGaps, type GapQuery } from "./gap-analysis.ts";
import { gapDensities } from "./relatedness.ts";

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

/**
 * Recruitment targets (招商) for one gap segment, or for every missing or thin segment: ranked in
 * the database (rank-recruitment-candidates), explained with real evidence paths for the page
 * (find-target-evidence), a minimum recruit set over the best-ranked pool, and local
 * matchmaking pairs ranked by the same signals.
 */
export async function recruitmentTargets(graph: Graph, query: TargetQuery): Promise<Targets> {
  const offset = query.offset ?? 0;
  const analysis = await analyseChainGaps(graph, query);
  const known = new Set(analysis.segments.map((s) => s.segment.id));
  if (query.segment && !known.has(query.segment)) throw new NotFoundError(`segment "${query.segment}" in chain "${query.chain}"`);
  const gapFindings = analysis.findings.filter((f) => f.kind === "missing-segment" || f.kind === "thin-segment");
  const segmentIds = query.segment ? [query.segment] : [...new Set(gapFindings.map((f) => f.segment!))];
  const leaderIds = analysis.leaders.map((l) => l.leader.id);
  const regionIds = analysis.scope.regionIds;

  const [partners, densityRows] = await Promise.all([
    findPartnerRegions(graph, query.region, regionIds),
    gapDensities(graph, query.chain, analysis.segments, segmentIds),
  ]);
  const partnerRegionIds = partners.map((p) => p.region);
  const density = Object.fromEntries(densityRows.map((d) => [d.segment, d.density]));
  // Under a scenario (远景) the firms it recruits count as local and the firms it removes do not.
  const addedIds = (analysis.overlay?.added.nodes ?? []).map((n) => n.id).filter((id) => !id.startsWith(NEW_FIRM_PREFIX));
  const removedIds = analysis.overlay?.removed ?? [];
  const base = { segmentIds, regionIds, leaderIds, partnerRegionIds, addedIds, removedIds, perKindCap: PER_KIND_CAP };

  const ranking =
    segmentIds.length === 0
      ? { total: 0, page: [] as RankedRow[] }
      : await rankRecruitmentCandidates(graph, {
          ...base,
          ...rankingParameters(),
          density,
          scanLimit: SCAN_CAP + 1,
          offset: 0,
          limit: Math.max(ROUTE_POOL, offset + query.limit),
        });
  const truncated = ranking.total > SCAN_CAP;
  const pool = ranking.page;
  const pageRows = pool.slice(offset, offset + query.limit);
  const evidence = await readTargetEvidence(graph, { ...base, firmIds: pageRows.map((r) => r.firm.id) });
  const segmentNames = new Map(analysis.segments.map((s) => [s.segment.id, s.segment.name]));
  // English names where the data has them; otherwise the Chinese name, never the internal id.
  const segmentNamesEn = new Map(analysis.segments.map((s) => [s.segment.id, s.segment.nameEn ?? s.segment.name]));
  const densityBySegment = new Map(densityRows.map((d) => [d.segment, d]));
  const targets = explainTargets(pageRows, evidence, {
    offset,
    densityNote: (gaps) => {
      const best = gaps.map((g) => densityBySegment.get(g)).sort((a, b) => (b?.density ?? 0) - (a?.density ?? 0))[0];
      if (!best || best.density === 0) return null;
      const near = best.nearest.map((n) => `${segmentNames.get(n.segment) ?? n.segment}（φ=${n.phi.toFixed(2)}）`).join("、");
      return {
        zh: `缺口环节“${segmentNames.get(best.segment) ?? best.segment}”与本地优势环节相近：关联密度${best.density.toFixed(2)}${near ? `，最近的是${near}` : ""}`,
        en: `the gap segment ${segmentNamesEn.get(best.segment) ?? best.segment} is close to local strengths: relatedness density ${best.density.toFixed(2)}${near ? ` (nearest: ${best.nearest.map((n) => `${segmentNamesEn.get(n.segment) ?? n.segment} φ=${n.phi.toFixed(2)}`).join(", ")})` : ""}`,
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
