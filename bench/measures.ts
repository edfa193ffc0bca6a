import { ENTITY_LABELS, RELATIONSHIP_TYPES } from "../model/domain.ts";
import { type AnswerKeyScore, scoreAnswerKey } from "../seeds/synthetic/answer-key.ts";
import { firmNode, firmPlaces } from "../seeds/synthetic/firms.ts";
import { leaderTies, type PlantedGaps, plantedGaps } from "../seeds/synthetic/manifest.ts";
import { firmId, type Plan } from "../seeds/synthetic/plan.ts";
import { streamFor } from "../seeds/synthetic/random.ts";
import type { Graph } from "../server/db/graph.ts";
import { exportFile } from "../server/export/formats.ts";
import { expandNeighbors } from "../server/repositories/nodes.ts";
import { findPaths } from "../server/repositories/paths.ts";
import { searchEntities } from "../server/repositories/search.ts";
import { selectedSubgraph } from "../server/repositories/subgraph.ts";
import { chainMap } from "../server/services/chain-map.ts";
import { chainGapReport, compareRegions } from "../server/services/gap-analysis.ts";
import { recruitmentTargets } from "../server/services/targets.ts";

/** An HTTP request the app answers, for the same parameters as the direct repository call. */
export interface HttpCall {
  method: "GET" | "POST";
  url: string;
  body?: unknown;
}

/**
 * One query measure: how to pick varied parameters from the synthetic plan, the repository call
 * (the "raw" driver work) and the HTTP request through the app that does the same thing.
 */
export interface Measure<P = unknown> {
  name: string;
  description: string;
  /** Target p95 in ms at 1M firms (the brief's), or undefined. */
  targetP95Ms?: number;
  params(i: number): P;
  raw(graph: Graph, params: P): Promise<unknown>;
  http(params: P): HttpCall;
}

const SEARCHED = ENTITY_LABELS.filter((l) => l !== "Figure");

/** The parameter pools every measure draws from, built from the plan the data was generated from. */
export function parameterPools(plan: Plan) {
  const planted = plantedGaps(plan);
  const withGaps = planted.filter((p) => p.missing.length > 0 || p.thin.length > 0);
  const rng = streamFor(plan.seed, "bench");
  const randomFirm = () => rng.int(0, plan.firms - 1);
  const chainsWithRegions = new Map<string, string[]>();
  for (const p of planted) chainsWithRegions.set(p.chain, [...(chainsWithRegions.get(p.chain) ?? []), p.region]);
  const compareChains = [...chainsWithRegions].filter(([, regions]) => regions.length >= 2);
  const searchTerms: string[] = [];
  for (let i = 0; i < 200; i++) {
    if (i % 3 === 2) {
      searchTerms.push(rng.pick(plan.regions).name.slice(0, 2));
      continue;
    }
    const index = randomFirm();
    const [place] = firmPlaces(plan, index, index + 1);
    searchTerms.push(String(firmNode(plan, place!).props.aliasesText));
  }
  // Path pairs: a firm and a firm of the same chain in another presence (four hops via segments and chain).
  const pathPairs: [string, string][] = [];
  for (let i = 0; i < 200; i++) {
    const a = randomFirm();
    const [place] = firmPlaces(plan, a, a + 1);
    const others = plan.presencesByChain[place!.presence.chain]!;
    const other = plan.presences[rng.pick(others)]!;
    const b = other.firmCount > 0 ? other.firmStart + rng.int(0, other.firmCount - 1) : randomFirm();
    if (a !== b) pathPairs.push([firmId(a), firmId(b)]);
  }
  return {
    planted,
    pick: <T>(list: T[], i: number) => list[i % list.length]!,
    withGaps: withGaps.length > 0 ? withGaps : planted,
    randomFirms: Array.from({ length: 500 }, () => firmId(randomFirm())),
    searchTerms,
    pathPairs,
    comparisons: Array.from({ length: 50 }, () => {
      const [chain, regions] = rng.pick(compareChains);
      return { chain, regions: rng.sample(regions, Math.min(3, regions.length)) };
    }),
  };
}

export type Pools = ReturnType<typeof parameterPools>;

const scope = (p: PlantedGaps) => ({ chain: p.chain, region: p.region, enclaves: "both" as const });
const qs = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

export function measures(pools: Pools, exportNodeSets: string[][]): Measure[] {
  return [
    {
      name: "gaps",
      description: "gap detection for a chain in a region (GET /api/chains/:id/gaps)",
      targetP95Ms: 50,
      params: (i) => pools.pick(pools.planted, i),
      raw: (graph, p: PlantedGaps) => chainGapReport(graph, scope(p)),
      http: (p: PlantedGaps) => ({ method: "GET", url: `/api/chains/${p.chain}/gaps?${qs({ region: p.region, enclaves: "both" })}` }),
    },
    {
      name: "chain-map",
      description: "chain map for a region (GET /api/chains/:id/map)",
      params: (i) => pools.pick(pools.planted, i),
      raw: (graph, p: PlantedGaps) => chainMap(graph, scope(p)),
      http: (p: PlantedGaps) => ({ method: "GET", url: `/api/chains/${p.chain}/map?${qs({ region: p.region, enclaves: "both" })}` }),
    },
    ...[1, 2].map(
      (depth): Measure<string> => ({
        name: `neighbors-${depth}`,
        description: `neighbours of a firm at depth ${depth}, up to 200 nodes (GET /api/nodes/:id/neighbors)`,
        targetP95Ms: depth === 1 ? 10 : undefined,
        params: (i) => pools.pick(pools.randomFirms, i),
        raw: (graph, id) =>
          expandNeighbors(graph, id, { depth, limit: 200, relTypes: [...RELATIONSHIP_TYPES], labels: [...ENTITY_LABELS] }),
        http: (id) => ({ method: "GET", url: `/api/nodes/${id}/neighbors?${qs({ depth, limit: 200 })}` }),
      }),
    ),
    {
      name: "paths",
      description: "shortest paths up to 4 hops between two firms of a chain in different regions (GET /api/paths)",
      targetP95Ms: 100,
      params: (i) => pools.pick(pools.pathPairs, i),
      raw: (graph, [from, to]: [string, string]) => findPaths(graph, { from, to, maxHops: 4, limit: 5 }),
      http: ([from, to]: [string, string]) => ({ method: "GET", url: `/api/paths?${qs({ from, to, maxHops: 4, limit: 5 })}` }),
    },
    {
      name: "search",
      description: "name search (firm trade names, region names), 20 results (GET /api/search)",
      targetP95Ms: 20,
      params: (i) => pools.pick(pools.searchTerms, i),
      raw: (graph, q: string) => searchEntities(graph, q, SEARCHED, 20),
      http: (q: string) => ({ method: "GET", url: `/api/search?${qs({ q, limit: 20 })}` }),
    },
    {
      name: "targets",
      description:
        "recruitment targets for a region's gap segments, ranked in the database, no truncation before scoring (GET /api/chains/:id/targets)",
      targetP95Ms: 200,
      params: (i) => pools.pick(pools.withGaps, i),
      raw: (graph, p: PlantedGaps) => recruitmentTargets(graph, { ...scope(p), limit: 20 }),
      http: (p: PlantedGaps) => ({
        method: "GET",
        url: `/api/chains/${p.chain}/targets?${qs({ region: p.region, enclaves: "both", limit: 20 })}`,
      }),
    },
    {
      name: "compare",
      description: "region comparison, up to 3 regions (GET /api/chains/:id/compare)",
      params: (i) => pools.pick(pools.comparisons, i),
      raw: (graph, c: { chain: string; regions: string[] }) => compareRegions(graph, c.chain, c.regions, "both"),
      http: (c: { chain: string; regions: string[] }) => ({
        method: "GET",
        url: `/api/chains/${c.chain}/compare?${qs({ regions: c.regions.join(","), enclaves: "both" })}`,
      }),
    },
    {
      name: "export-10k",
      description: "JSON export of a ~10k-element subgraph (POST /api/export)",
      targetP95Ms: 1000,
      params: (i) => pools.pick(exportNodeSets, i),
      raw: async (graph, nodeIds: string[]) => (await exportFile(await selectedSubgraph(graph, nodeIds), "json", { table: "nodes" })).body,
      http: (nodeIds: string[]) => ({ method: "POST", url: "/api/export?format=json", body: { nodeIds } }),
    },
  ];
}

/**
 * The app's answers over HTTP scored against the generator's answer key (seeds/synthetic/answer-key.ts),
 * on up to `sample` planted presences drawn with the plan's seed; printed next to the latencies.
 */
export async function answerKeyScores(plan: Plan, baseUrl: string, sample: number): Promise<AnswerKeyScore> {
  const planted = plantedGaps(plan);
  const chosen = planted.length <= sample ? planted : streamFor(plan.seed, "answer-key").sample(planted, sample);
  const get = async (url: string) => {
    const response = await fetch(`${baseUrl}${url}`);
    if (!response.ok) throw new Error(`GET ${url.slice(0, 120)} → ${response.status}`);
    return response.json();
  };
  return scoreAnswerKey(chosen, leaderTies(plan), get);
}

/**
 * Node sets whose subgraph has about `elements` nodes + edges: consecutive firms (one region's
 * firms, tied by local supply), sized after one calibration read.
 */
export async function exportNodeSets(graph: Graph, plan: Plan, elements: number, count: number): Promise<string[][]> {
  const rng = streamFor(plan.seed, "export-sets");
  const probe = Math.min(plan.firms, Math.round(elements / 2));
  const sample = await selectedSubgraph(
    graph,
    Array.from({ length: probe }, (_, i) => firmId(i)),
  );
  const perFirm = (sample.nodes.length + sample.edges.length) / probe;
  const size = Math.min(plan.firms, 20_000, Math.round(elements / perFirm));
  return Array.from({ length: count }, () => {
    const start = rng.int(0, Math.max(0, plan.firms - size));
    return Array.from({ length: size }, (_, i) => firmId(start + i));
  });
}
