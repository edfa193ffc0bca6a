/**
 * Relatedness after the Atlas of Economic Complexity (Hidalgo & Hausmann): a region is "strong"
 * in a segment when its revealed comparative advantage there is at least 1
 * (RCA = (firms in r,s / firms in r) / (firms in s / all firms), within the chain); the proximity
 * φ(i, j) of two segments is the smaller of the two conditional probabilities of being strong in
 * one given the other, over all regions of the graph (= regions strong in both / the larger of the
 * two counts); the density of segment j for a region is Σ_i strong(i)·φ(i, j) / Σ_i φ(i, j) over
 * the other segments i — how close j is to what the region already does well (0–1).
 */
export interface RegionSegmentCount {
  region: string;
  segment: string;
  firms: number;
}

export interface Proximities {
  segments: string[];
  /** φ by segment pair, keyed `${i}|${j}` with i < j lexicographically. */
  phi: Map<string, number>;
  regions: number;
  /** Firms per segment across all regions (rolled up), and in all segments: the RCA baseline. */
  segmentFirms: Map<string, number>;
  totalFirms: number;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Counts at each firm's own segment are rolled up to every ancestor (parentOf), as the gap report counts. */
export function rollUp(rows: RegionSegmentCount[], parentOf: Map<string, string | null>): RegionSegmentCount[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    for (let s: string | null | undefined = row.segment, depth = 0; s && depth < 5; s = parentOf.get(s), depth++) {
      const key = `${row.region}\u0000${s}`;
      totals.set(key, (totals.get(key) ?? 0) + row.firms);
    }
  }
  return [...totals].map(([key, firms]) => {
    const [region, segment] = key.split("\u0000") as [string, string];
    return { region, segment, firms };
  });
}

/** Which segments each region is strong in (RCA ≥ 1). */
export function strongSegments(rows: RegionSegmentCount[]): Map<string, Set<string>> {
  const { bySegment, total } = segmentTotals(rows);
  const byRegion = new Map<string, RegionSegmentCount[]>();
  for (const row of rows) byRegion.set(row.region, [...(byRegion.get(row.region) ?? []), row]);
  const strong = new Map<string, Set<string>>();
  for (const [region, own] of byRegion) {
    const set = regionStrengths(own, bySegment, total);
    if (set.size > 0) strong.set(region, set);
  }
  return strong;
}

function segmentTotals(rows: RegionSegmentCount[]) {
  const bySegment = new Map<string, number>();
  let total = 0;
  for (const { segment, firms } of rows) {
    bySegment.set(segment, (bySegment.get(segment) ?? 0) + firms);
    total += firms;
  }
  return { bySegment, total };
}

/** The segments where one region's RCA ≥ 1 (its rows, against the all-region totals). */
export function regionStrengths(own: { segment: string; firms: number }[], bySegment: Map<string, number>, total: number): Set<string> {
  const inRegion = own.reduce((sum, r) => sum + r.firms, 0);
  const strong = new Set<string>();
  if (inRegion === 0 || total === 0) return strong;
  for (const { segment, firms } of own) {
    const share = (bySegment.get(segment) ?? 0) / total;
    if (firms > 0 && share > 0 && firms / inRegion / share >= 1) strong.add(segment);
  }
  return strong;
}

export function proximities(rows: RegionSegmentCount[]): Proximities {
  const strong = strongSegments(rows);
  const segments = [...new Set(rows.map((r) => r.segment))].sort();
  const ubiquity = new Map<string, number>();
  const both = new Map<string, number>();
  for (const set of strong.values()) {
    const list = [...set].sort();
    for (const s of list) ubiquity.set(s, (ubiquity.get(s) ?? 0) + 1);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = pairKey(list[i]!, list[j]!);
        both.set(key, (both.get(key) ?? 0) + 1);
      }
    }
  }
  const phi = new Map<string, number>();
  for (const [key, n] of both) {
    const [a, b] = key.split("|") as [string, string];
    phi.set(key, n / Math.max(ubiquity.get(a) ?? 0, ubiquity.get(b) ?? 0));
  }
  const { bySegment, total } = segmentTotals(rows);
  return { segments, phi, regions: strong.size, segmentFirms: bySegment, totalFirms: total };
}

export const proximity = (p: Proximities, a: string, b: string) => (a === b ? 1 : (p.phi.get(pairKey(a, b)) ?? 0));

export interface Density {
  segment: string;
  density: number;
  /** The local strengths closest to the segment, nearest first (for the reason a planner reads). */
  nearest: { segment: string; phi: number }[];
}

/** Density of each target segment given the segments the region is strong in. */
export function densities(p: Proximities, localStrong: Set<string>, targets: string[]): Density[] {
  return targets.map((j) => {
    let num = 0;
    let den = 0;
    const near: { segment: string; phi: number }[] = [];
    for (const i of p.segments) {
      if (i === j) continue;
      const phi = proximity(p, i, j);
      den += phi;
      if (localStrong.has(i)) {
        num += phi;
        if (phi > 0) near.push({ segment: i, phi });
      }
    }
    near.sort((a, b) => b.phi - a.phi || a.segment.localeCompare(b.segment));
    return { segment: j, density: den === 0 ? 0 : num / den, nearest: near.slice(0, 3) };
  });
}
