import { allSupplyTargets, firmPlaces, presenceOf } from "./firms.ts";
import type { BrokenKind, LeaderKind, Plan, PresencePlan } from "./plan.ts";
import { firmId } from "./plan.ts";

/**
 * What was planted, per district and chain it develops, in the graph's own ids: the answer key
 * for gap detection on synthetic data (and a list of realistic parameters for the benchmark).
 * Exact by construction: every other expected flow is closed by a local supply tie (firms.ts).
 */
export interface PlantedGaps {
  region: string;
  chain: string;
  firms: number;
  /** Segments with no local firm (leaves, and group segments whose leaves are all empty). */
  missing: string[];
  /** Segments planted with one or two small (not 规上) firms. */
  thin: string[];
  broken: { from: string; to: string; kind: BrokenKind }[];
  leaders: { kind: LeaderKind; firms: string[] };
  /** False: no institute, park or fund in the district serves the chain or any of its segments. */
  support: boolean;
  /** Per planted missing segment with enough outside firms: who must rank first, who must not. */
  targets: { segment: string; best: string; decoys: string[]; unrelated: string[] }[];
}

/** A planted leader's suppliers and customers with where each sits, so a test can apply the app's own "local". */
export interface LeaderTies {
  region: string;
  chain: string;
  leader: string;
  suppliers: { firm: string; region: string }[];
  customers: { firm: string; region: string }[];
}

export function plantedGaps(plan: Plan): PlantedGaps[] {
  return plan.presences.filter((p) => p.developed).map((p) => plantedFor(plan, p));
}

function plantedFor(plan: Plan, p: PresencePlan): PlantedGaps {
  const chain = plan.chains[p.chain]!;
  const size = (s: number): number => {
    const position = chain.leafPosition[s]!;
    if (position >= 0) return p.bucketSize[position]!;
    return chain.segments.reduce((sum, child, i) => (child.parent === s ? sum + size(i) : sum), 0);
  };
  const missing = chain.segments.flatMap((s, i) => (size(i) === 0 ? [s.id] : []));
  const thinLeaves = new Set(p.thin);
  const isThin = (s: number): boolean => {
    if (chain.leafPosition[s]! >= 0) return thinLeaves.has(s);
    const children = chain.segments.flatMap((c, i) => (c.parent === s ? [i] : []));
    return size(s) > 0 && children.every((c) => size(c) === 0 || isThin(c));
  };
  const thin = chain.segments.flatMap((s, i) => (isThin(i) ? [s.id] : []));
  const broken: PlantedGaps["broken"] = [];
  for (const a of chain.leaves) {
    for (const b of chain.segments[a]!.feeds) {
      // An empty downstream leaves nothing to break, except where the upstream was planted to sell only outside.
      if (size(b) === 0 && !(size(a) > 0 && p.outsideOnly.includes(a))) continue;
      const kind: BrokenKind | null =
        size(a) === 0
          ? "no-upstream"
          : p.outsideOnly.includes(a)
            ? "outside-only"
            : p.noLocalTie.some(([x, y]) => x === a && y === b)
              ? "no-local-tie"
              : null;
      if (kind) broken.push({ from: chain.segments[a]!.id, to: chain.segments[b]!.id, kind });
    }
  }
  return {
    region: plan.regions[p.region]!.id,
    chain: chain.id,
    firms: p.firmCount,
    missing,
    thin,
    broken,
    leaders: { kind: p.leaderKind, firms: p.leaders.map(firmId) },
    support: p.support,
    targets: plan.targets
      .filter((t) => t.presence === p.index)
      .map((t) => ({
        segment: chain.segments[t.segment]!.id,
        best: firmId(t.best),
        decoys: t.decoys.map(firmId),
        unrelated: t.unrelated.map(firmId),
      })),
  };
}

/**
 * Every planted leader's supply ties, found by replaying each firm's customers (deterministic, so
 * exactly what the generator wrote). One pass over all firms: seconds at a million.
 */
export function leaderTies(plan: Plan): LeaderTies[] {
  const regionOf = (firm: number) => plan.regions[plan.presences[presenceOf(plan, firm)]!.region]!.id;
  const ties = new Map<number, LeaderTies>();
  for (const p of plan.presences) {
    for (const leader of p.leaders) {
      ties.set(leader, {
        region: plan.regions[p.region]!.id,
        chain: plan.chains[p.chain]!.id,
        leader: firmId(leader),
        suppliers: [],
        customers: [],
      });
    }
  }
  for (const place of firmPlaces(plan, 0, plan.firms)) {
    const own = ties.get(place.index);
    for (const buyer of allSupplyTargets(plan, place)) {
      ties.get(buyer)?.suppliers.push({ firm: firmId(place.index), region: regionOf(place.index) });
      if (own) own.customers.push({ firm: firmId(buyer), region: regionOf(buyer) });
    }
  }
  return [...ties.values()];
}
