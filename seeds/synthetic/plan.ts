import type { Stage } from "../../model/domain.ts";
import { CHAIN_INDUSTRIES, districtName, placeName, segmentName } from "./names.ts";
import { type Random, streamFor } from "./random.ts";

/**
 * The skeleton of a synthetic ecosystem: regions, chains and segments, which district has firms
 * in which chain ("presences"), how many firms sit in each segment there, and the gaps planted
 * on purpose. It is small (a few MB at a million firms); the firms themselves are derived from
 * it chunk by chunk (firms.ts), so memory stays bounded whatever the size.
 */

export type BrokenKind = "no-upstream" | "outside-only" | "no-local-tie";
export type LeaderKind = "none" | "single" | "multiple" | "weak";

export interface RegionPlan {
  id: string;
  name: string;
  nameEn: string;
  kind: "country" | "province" | "city" | "district" | "county" | "enclave";
  /** Two characters used in the names of firms located here. */
  short: string;
  parent?: number;
  enclaveOf?: number;
  host?: number;
}

export interface SegmentPlan {
  id: string;
  name: string;
  nameEn: string;
  stage: Stage;
  parent?: number;
  leaf: boolean;
  /** Leaf segments (indices in the chain) this one is expected to supply. */
  feeds: number[];
}

export interface ChainPlan {
  id: string;
  name: string;
  nameEn: string;
  stem: string;
  segments: SegmentPlan[];
  /** Indices of the leaf segments, the only ones firms are placed in. */
  leaves: number[];
  /** Segment index → position in `leaves` (-1 for group segments). */
  leafPosition: number[];
}

export interface PresencePlan {
  index: number;
  region: number;
  chain: number;
  /** The district lists the chain as one it develops (DEVELOPS); only these carry planted gaps. */
  developed: boolean;
  /** For enclave presences: the home district's presence in the same chain. */
  homePresence?: number;
  firmStart: number;
  firmCount: number;
  /** Per leaf position: first firm index and number of firms in that segment here. */
  bucketStart: number[];
  bucketSize: number[];
  /** Leaf segments left empty / thin on purpose. */
  missing: number[];
  thin: number[];
  /** Leaf segments whose local firms sell only outside the region. */
  outsideOnly: number[];
  /** Flows [from, to] (leaf segments) with firms at both ends but no local supply tie on purpose. */
  noLocalTie: [number, number][];
  leaderKind: LeaderKind;
  /** Global firm indices of the chain leaders here; for "weak" the one leader with few local ties. */
  leaders: number[];
  support: boolean;
}

export interface InstitutePlan {
  id: string;
  name: string;
  kind: string;
  region: number;
  serves: string[];
}
export interface ParkPlan {
  id: string;
  name: string;
  region: number;
  serves: string[];
}
export interface FundPlan {
  id: string;
  name: string;
  region: number;
  manager: number;
  serves: string[];
  sizeYuan: number;
  invests: number[];
}
export interface OrgPlan {
  id: string;
  name: string;
  region: number;
}

/**
 * Per planted missing segment of a developed presence: the answer key for recruitment. `best` is
 * an outside firm of that segment with planted ties into the presence's district (it supplies
 * the leader, if any, and local firms, cooperates with one and belongs to the group of another);
 * `decoys` are outside firms of the segment with strong tags and no tie into the district (random
 * ties there are suppressed); `unrelated` is an outside firm with the same kind of ties but in a
 * segment that is not a gap, so it must never be offered for this gap.
 */
export interface TargetPlant {
  presence: number;
  segment: number;
  best: number;
  decoys: number[];
  unrelated: number[];
  /** Local firms (global indices) the best target and the unrelated decoy supply, cooperate with, belong with. */
  supplies: number[];
  cooperates: number;
  groupOf: number;
}

export interface Plan {
  seed: number;
  firms: number;
  regions: RegionPlan[];
  chains: ChainPlan[];
  presences: PresencePlan[];
  presencesByChain: number[][];
  /** Region index → park index (districts only). */
  parkOfRegion: Map<number, number>;
  institutes: InstitutePlan[];
  parks: ParkPlan[];
  funds: FundPlan[];
  orgs: OrgPlan[];
  targets: TargetPlant[];
  /** Firm index → the plant it is the best target or the unrelated decoy of. */
  tiedPlant: Map<number, TargetPlant>;
  /** Firm index → the presence it is a no-tie decoy for (its ties into that district are suppressed). */
  decoyFor: Map<number, number>;
}

export const MIN_FIRMS = 2000;
/** Firms per normal segment at least, so a segment that is not planted thin never looks thin. */
const MIN_NORMAL_BUCKET = 3;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
export const firmId = (index: number) => `firm:syn-${pad(index, 7)}`;

export function buildPlan(seed: number, firms: number): Plan {
  if (!Number.isInteger(firms) || firms < MIN_FIRMS) throw new Error(`--firms must be an integer of at least ${MIN_FIRMS}`);
  const rng = streamFor(seed, "plan");
  const regions = planRegions(rng, firms);
  const chains = planChains(rng, firms);
  const presences = planPresences(seed, rng, regions, chains);
  allocateFirms(rng, presences, chains, firms);
  for (const p of presences) chooseLeaders(streamFor(seed, "leaders", p.index), p, chains[p.chain]!);
  const presencesByChain = chains.map(() => [] as number[]);
  for (const p of presences) presencesByChain[p.chain]!.push(p.index);
  const actors = planActors(rng, regions, chains, presences);
  const targets = plantTargets(streamFor(seed, "targets"), regions, chains, presences, presencesByChain);
  const tiedPlant = new Map<number, TargetPlant>();
  const decoyFor = new Map<number, number>();
  for (const t of targets) {
    tiedPlant.set(t.best, t);
    for (const u of t.unrelated) tiedPlant.set(u, t);
    for (const d of t.decoys) decoyFor.set(d, t.presence);
  }
  return { seed, firms, regions, chains, presences, presencesByChain, ...actors, targets, tiedPlant, decoyFor };
}

/** Whether two regions count as one place under some enclave setting (home, host or both). */
export function nearRegions(regions: RegionPlan[], ia: number, ib: number): boolean {
  const ra = regions[ia]!;
  const rb = regions[ib]!;
  return (
    ia === ib ||
    rb.enclaveOf === ia ||
    rb.host === ia ||
    ra.enclaveOf === ib ||
    ra.host === ib ||
    (ra.enclaveOf !== undefined && (ra.enclaveOf === rb.enclaveOf || ra.enclaveOf === rb.host))
  );
}

const DECOYS_PER_GAP = 2;

function plantTargets(
  rng: Random,
  regions: RegionPlan[],
  chains: ChainPlan[],
  presences: PresencePlan[],
  presencesByChain: number[][],
): TargetPlant[] {
  const used = new Set<number>();
  const plants: TargetPlant[] = [];
  // Outside firms of leaf `s` of the chain, far from presence p; never a leader or a segment's first firm (flow closers).
  const outsideFirms = (p: PresencePlan, s: number) => {
    const chain = chains[p.chain]!;
    const position = chain.leafPosition[s]!;
    const found: number[] = [];
    for (const o of presencesByChain[p.chain]!) {
      const other = presences[o]!;
      if (nearRegions(regions, p.region, other.region)) continue;
      const start = other.bucketStart[position]!;
      for (let i = start + 1; i < start + other.bucketSize[position]!; i++) {
        if (!used.has(i) && !other.leaders.includes(i)) found.push(i);
      }
    }
    return found;
  };
  for (const p of presences) {
    if (!p.developed) continue;
    const chain = chains[p.chain]!;
    const normal = normalLeaves(p, chain).filter((s) => p.bucketSize[chain.leafPosition[s]!]! > 0);
    if (normal.length === 0) continue;
    const first = (s: number) => p.bucketStart[chain.leafPosition[s]!]!;
    for (const s of p.missing) {
      const pool = outsideFirms(p, s);
      if (pool.length < 1 + DECOYS_PER_GAP) continue;
      const [best, ...decoys] = rng.sample(pool, 1 + DECOYS_PER_GAP) as [number, ...number[]];
      const unrelatedLeaf = rng.pick(normal);
      const unrelatedPool = outsideFirms(p, unrelatedLeaf).filter((i) => i !== best && !decoys.includes(i));
      const unrelated = unrelatedPool.length > 0 ? [rng.pick(unrelatedPool)] : [];
      for (const i of [best, ...decoys, ...unrelated]) used.add(i);
      const buyers = chain.segments[s]!.feeds.filter((t) => normal.includes(t)).map(first);
      const supplies = [...new Set([...p.leaders.slice(0, 1), ...buyers.slice(0, 2), ...rng.sample(normal, 2).map(first)])].slice(0, 3);
      plants.push({
        presence: p.index,
        segment: s,
        best,
        decoys,
        unrelated,
        supplies,
        cooperates: first(rng.pick(normal)),
        groupOf: first(rng.pick(normal)),
      });
    }
  }
  return plants;
}

function planRegions(rng: Random, firms: number): RegionPlan[] {
  const districts = Math.min(1200, Math.max(3, Math.round(firms / 1000)));
  const cities = Math.ceil(districts / 7);
  const provinces = Math.ceil(cities / 12);
  const regions: RegionPlan[] = [{ id: "region:syn-cn", name: "模拟全国", nameEn: "Synthetic country", kind: "country", short: "全国" }];
  const cityIndices: number[] = [];
  for (let p = 0; p < provinces; p++) {
    const name = placeName(rng, "省");
    regions.push({
      id: `region:syn-p${pad(p, 2)}`,
      name,
      nameEn: `Synthetic province ${p}`,
      kind: "province",
      short: name.slice(0, 2),
      parent: 0,
    });
  }
  for (let c = 0; c < cities; c++) {
    const province = 1 + (c % provinces);
    const name = placeName(rng, "市");
    cityIndices.push(regions.length);
    regions.push({
      id: `${regions[province]!.id}-c${pad(c, 3)}`,
      name,
      nameEn: `Synthetic city ${c}`,
      kind: "city",
      short: name.slice(0, 2),
      parent: province,
    });
  }
  for (let d = 0; d < districts; d++) {
    const city = cityIndices[d % cities]!;
    const kind = rng.chance(0.3) ? "county" : "district";
    const name = districtName(rng, kind);
    regions.push({
      id: `${regions[city]!.id}-d${pad(d, 4)}`,
      name,
      nameEn: `Synthetic ${kind} ${d}`,
      kind,
      short: name.slice(0, 2),
      parent: city,
    });
  }
  return regions;
}

function planChains(rng: Random, firms: number): ChainPlan[] {
  const count = Math.min(60, Math.max(4, Math.round(firms / 20_000)));
  const chains: ChainPlan[] = [];
  for (let c = 0; c < count; c++) {
    const industry = CHAIN_INDUSTRIES[c % CHAIN_INDUSTRIES.length]!;
    const round = Math.floor(c / CHAIN_INDUSTRIES.length);
    const id = `chain:syn-c${pad(c, 3)}`;
    const suffix = round > 0 ? `（${round + 1}）` : "";
    const segments = planSegments(rng, id, industry.stem, industry.en);
    const leaves = segments.flatMap((s, i) => (s.leaf ? [i] : []));
    const leafPosition = segments.map((_, i) => leaves.indexOf(i));
    chains.push({
      id,
      name: `${industry.zh}产业链${suffix}`,
      nameEn: `${industry.en} chain${round > 0 ? ` ${round + 1}` : ""} (synthetic)`,
      stem: industry.stem,
      segments,
      leaves,
      leafPosition,
    });
  }
  return chains;
}

function planSegments(rng: Random, chainId: string, stem: string, industryEn: string): SegmentPlan[] {
  const total = rng.int(10, 40);
  const up = Math.max(3, Math.round(total * 0.3));
  const down = Math.max(3, Math.round(total * 0.3));
  const counts: [Stage, number][] = [
    ["upstream", up],
    ["midstream", total - up - down],
    ["downstream", down],
  ];
  const segments: SegmentPlan[] = [];
  const leavesByStage: Record<Stage, number[]> = { upstream: [], midstream: [], downstream: [] };
  for (const [stage, n] of counts) {
    const top = Math.ceil(n * 0.6);
    const first = segments.length;
    for (let i = 0; i < n; i++) {
      const index = segments.length;
      const parent = i < top ? undefined : first + rng.int(0, top - 1);
      segments.push({
        id: `segment:syn-${chainId.slice("chain:syn-".length)}-s${pad(index, 2)}`,
        name: segmentName(stem, stage, i),
        nameEn: `${industryEn} ${stage} ${i + 1}`,
        stage,
        parent,
        leaf: true,
        feeds: [],
      });
      if (parent !== undefined) segments[parent]!.leaf = false;
    }
    for (let i = first; i < segments.length; i++) if (segments[i]!.leaf) leavesByStage[stage].push(i);
  }
  const link = (from: Stage, to: Stage) => {
    const sources = leavesByStage[from];
    const targets = leavesByStage[to];
    for (const s of sources) segments[s]!.feeds = rng.sample(targets, rng.int(1, Math.min(3, targets.length))).sort((a, b) => a - b);
    for (const t of targets) {
      if (!sources.some((s) => segments[s]!.feeds.includes(t))) segments[rng.pick(sources)]!.feeds.push(t);
    }
  };
  link("upstream", "midstream");
  link("midstream", "downstream");
  return segments;
}

const PLANTS = [
  "no-upstream",
  "outside-only",
  "no-local-tie",
  "leaders-none",
  "leaders-single",
  "leaders-multiple",
  "leaders-weak",
  "support-none",
  "missing",
  "thin",
] as const;
type Plant = (typeof PLANTS)[number];

function planPresences(seed: number, rng: Random, regions: RegionPlan[], chains: ChainPlan[]): PresencePlan[] {
  const presences: PresencePlan[] = [];
  const districts = regions.flatMap((r, i) => (r.kind === "district" || r.kind === "county" ? [i] : []));
  const chainsOf = new Map<number, Set<number>>();
  const blank = (region: number, chain: number, developed: boolean): PresencePlan => ({
    index: presences.length,
    region,
    chain,
    developed,
    firmStart: 0,
    firmCount: 0,
    bucketStart: [],
    bucketSize: [],
    missing: [],
    thin: [],
    outsideOnly: [],
    noLocalTie: [],
    leaderKind: "none",
    leaders: [],
    support: true,
  });
  // Kinds not yet planted are forced onto the next developed presences, so even a small run has every kind of gap.
  const pending = new Set<Plant>(PLANTS);
  for (const d of districts) {
    const developed = rng.sample(
      chains.map((_, i) => i),
      rng.int(2, Math.min(5, chains.length)),
    );
    const own = new Set(developed);
    chainsOf.set(d, own);
    for (const c of developed) {
      const p = blank(d, c, true);
      plantGaps(streamFor(seed, "gaps", p.index), p, chains[c]!, pending);
      presences.push(p);
    }
    if (rng.chance(0.5) && own.size < chains.length) {
      const others = chains.map((_, i) => i).filter((i) => !own.has(i));
      const c = rng.pick(others);
      own.add(c);
      presences.push(blank(d, c, false));
    }
  }
  // Enclaves (飞地): a district runs a zone inside another district, in another city, for one of its chains.
  const enclaves = Math.max(2, Math.round(districts.length / 20));
  const developedOf = (d: number) => presences.filter((p) => p.region === d && p.developed);
  for (let e = 0; e < enclaves; e++) {
    const home = rng.pick(districts);
    const homePresence = rng.pick(developedOf(home));
    const candidates = districts.filter((d) => regions[d]!.parent !== regions[home]!.parent && !chainsOf.get(d)!.has(homePresence.chain));
    const host = candidates.length > 0 ? rng.pick(candidates) : districts.find((d) => d !== home)!;
    const name = `${regions[home]!.name.slice(0, 2)}${regions[host]!.name.slice(0, 2)}飞地`;
    const region = regions.length;
    regions.push({
      id: `region:syn-e${pad(e, 3)}`,
      name,
      nameEn: `Synthetic enclave ${e}`,
      kind: "enclave",
      short: regions[home]!.short,
      enclaveOf: home,
      host,
    });
    if (candidates.length === 0) continue;
    const p = blank(region, homePresence.chain, false);
    p.homePresence = homePresence.index;
    presences.push(p);
  }
  return presences;
}

/** Leaf segments of a presence that carry firms and no planted gap (safe to use for normal ties). */
export function normalLeaves(p: PresencePlan, chain: ChainPlan): number[] {
  const planted = new Set([...p.missing, ...p.thin, ...p.outsideOnly, ...p.noLocalTie.flat()]);
  return chain.leaves.filter((s) => !planted.has(s));
}

function plantGaps(rng: Random, p: PresencePlan, chain: ChainPlan, pending: Set<Plant>) {
  const wants = (plant: Plant, probability: number) => {
    const roll = rng.chance(probability);
    return pending.has(plant) || roll;
  };
  const done = (plant: Plant) => pending.delete(plant);
  const isNormal = (s: number) => !p.missing.includes(s) && !p.thin.includes(s) && !p.outsideOnly.includes(s);
  const keep = Math.max(0, chain.leaves.length - 6);

  if (wants("missing", 0.5)) {
    p.missing = rng.sample(chain.leaves, Math.min(keep, rng.int(1, 2)));
    if (p.missing.length > 0) done("missing");
  }
  if (wants("thin", 0.5)) {
    p.thin = rng.sample(
      chain.leaves.filter((s) => !p.missing.includes(s)),
      Math.min(keep - p.missing.length, rng.int(1, 2)),
    );
    if (p.thin.length > 0) done("thin");
  }
  const flows = chain.leaves.flatMap((a) => chain.segments[a]!.feeds.map((b) => [a, b] as [number, number]));
  if (wants("no-upstream", 0.3)) {
    const options = flows.filter(([a, b]) => isNormal(a) && isNormal(b));
    if (options.length > 0) {
      const [a] = rng.pick(options);
      p.missing.push(a);
      done("no-upstream");
      done("missing");
    }
  }
  if (wants("outside-only", 0.3)) {
    const options = flows.filter(([a, b]) => isNormal(a) && isNormal(b));
    if (options.length > 0) {
      p.outsideOnly.push(rng.pick(options)[0]);
      done("outside-only");
    }
  }
  if (wants("no-local-tie", 0.3)) {
    const options = flows.filter(
      ([a, b]) => isNormal(a) && isNormal(b) && chain.segments[a]!.feeds.some((other) => other !== b && isNormal(other)),
    );
    if (options.length > 0) {
      p.noLocalTie.push(rng.pick(options));
      done("no-local-tie");
    }
  }
  const leaderRoll = rng.next();
  const forcedLeader = (["leaders-none", "leaders-single", "leaders-multiple", "leaders-weak"] as const).find((k) => pending.has(k));
  p.leaderKind = forcedLeader
    ? (forcedLeader.slice("leaders-".length) as LeaderKind)
    : leaderRoll < 0.2
      ? "none"
      : leaderRoll < 0.55
        ? "single"
        : leaderRoll < 0.85
          ? "multiple"
          : "weak";
  p.support = !wants("support-none", 0.25);
  if (!p.support) done("support-none");
  // Leader kinds are confirmed once firms are allocated (chooseLeaders); "none" always holds.
  if (p.leaderKind === "none") done("leaders-none");
  if (forcedLeader && forcedLeader !== "leaders-none") done(forcedLeader);
}

function allocateFirms(rng: Random, presences: PresencePlan[], chains: ChainPlan[], firms: number) {
  // Which leaves get firms and how many at least.
  const minimum = presences.map((p) => {
    const chain = chains[p.chain]!;
    if (p.homePresence !== undefined) {
      const home = presences[p.homePresence]!;
      const usable = new Set(rng.sample(normalLeaves(home, chain), rng.int(2, 5)));
      return chain.leaves.map((s) => (usable.has(s) ? 1 : 0));
    }
    if (!p.developed) {
      const share = 0.3 + rng.next() * 0.3;
      return chain.leaves.map(() => (rng.chance(share) ? 1 : 0));
    }
    return chain.leaves.map((s) => (p.missing.includes(s) ? 0 : p.thin.includes(s) ? rng.int(1, 2) : MIN_NORMAL_BUCKET));
  });
  const base = minimum.reduce((sum, m) => sum + m.reduce((a, b) => a + b, 0), 0);
  if (base > firms) throw new Error(`--firms ${firms} is too small for the planned layout (needs ${base})`);
  const weights = presences.map((p) => (p.developed ? 1 : 0.25) * Math.min(20, rng.paretoWeight(1.6)));
  const extra = spread(firms - base, weights);
  let next = 0;
  presences.forEach((p, i) => {
    const chain = chains[p.chain]!;
    const mins = minimum[i]!;
    // Thin and missing leaves keep their minimum; the rest share the presence's extra firms.
    const growable = chain.leaves.map((s, j) => (mins[j]! > 0 && !p.thin.includes(s) ? Math.min(10, rng.paretoWeight(1.2)) : 0));
    const grow = growable.some((w) => w > 0) ? spread(extra[i]!, growable) : growable.map(() => 0);
    if (!growable.some((w) => w > 0)) mins[0] = (mins[0] ?? 0) + extra[i]!;
    p.firmStart = next;
    p.bucketSize = mins.map((m, j) => m + grow[j]!);
    p.bucketStart = [];
    for (const size of p.bucketSize) {
      p.bucketStart.push(next);
      next += size;
    }
    p.firmCount = next - p.firmStart;
  });
  if (next !== firms) throw new Error(`allocated ${next} firms instead of ${firms}`);
}

/** Splits `total` into integer parts proportional to `weights` (cumulative rounding: exact sum). */
export function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts: number[] = [];
  let acc = 0;
  let given = 0;
  for (const w of weights) {
    acc += w;
    const upTo = sum > 0 ? Math.round((acc / sum) * total) : 0;
    parts.push(upTo - given);
    given = upTo;
  }
  return parts;
}

function chooseLeaders(rng: Random, p: PresencePlan, chain: ChainPlan) {
  if (!p.developed || p.leaderKind === "none") return;
  const normal = normalLeaves(p, chain).filter((s) => p.bucketSize[chain.leafPosition[s]!]! >= MIN_NORMAL_BUCKET);
  const hasLocalBuyers = (s: number) => chain.segments[s]!.feeds.some((t) => normal.includes(t));
  const preferred = normal.filter((s) => chain.segments[s]!.stage === "midstream" && hasLocalBuyers(s));
  const candidates = preferred.length > 0 ? preferred : normal.filter(hasLocalBuyers);
  if (candidates.length === 0) {
    p.leaderKind = "none";
    return;
  }
  if (p.leaderKind === "weak") {
    const position = chain.leafPosition[rng.pick(candidates)]!;
    // The last firm of its segment: local buyers never pick it (firms.ts), so its ties are mostly outside.
    p.leaders = [p.bucketStart[position]! + p.bucketSize[position]! - 1];
    return;
  }
  const count = p.leaderKind === "single" ? 1 : Math.min(candidates.length, rng.int(2, 3));
  if (count < 2 && p.leaderKind === "multiple") p.leaderKind = "single";
  p.leaders = rng.sample(candidates, count).map((s) => p.bucketStart[chain.leafPosition[s]!]!);
}

const INSTITUTE_KINDS = ["institute", "university", "innovation-centre", "tech-transfer", "incubator", "platform", "lab"] as const;

function planActors(rng: Random, regions: RegionPlan[], chains: ChainPlan[], presences: PresencePlan[]) {
  const institutes: InstitutePlan[] = [];
  const parks: ParkPlan[] = [];
  const parkOfRegion = new Map<number, number>();
  const funds: FundPlan[] = [];
  const orgs: OrgPlan[] = [];
  const byRegion = new Map<number, PresencePlan[]>();
  for (const p of presences) byRegion.set(p.region, [...(byRegion.get(p.region) ?? []), p]);

  for (const p of presences) {
    if (!p.developed || !p.support) continue;
    const chain = chains[p.chain]!;
    const region = regions[p.region]!;
    for (let i = rng.int(1, 2); i > 0; i--) {
      const kind = rng.pick(INSTITUTE_KINDS);
      const serves = rng.chance(0.5) ? chain.id : chain.segments[rng.pick(chain.leaves)]!.id;
      institutes.push({
        id: `inst:syn-${pad(institutes.length, 6)}`,
        name: `${region.short}${chain.stem}${kind === "incubator" ? "孵化器" : kind === "university" ? "学院" : "研究院"}${institutes.length}`,
        kind,
        region: p.region,
        serves: [serves],
      });
    }
  }
  regions.forEach((region, index) => {
    if (region.kind !== "district" && region.kind !== "county") return;
    const serves = (byRegion.get(index) ?? []).filter((p) => p.developed && p.support).map((p) => chains[p.chain]!.id);
    parkOfRegion.set(index, parks.length);
    parks.push({
      id: `park:syn-${pad(parks.length, 5)}`,
      name: `${region.short}${rng.pick(["高新", "经开", "智造", "生物"])}产业园`,
      region: index,
      serves,
    });
  });
  regions.forEach((region, index) => {
    if (region.kind !== "province") return;
    for (let i = 0; i < 2; i++) {
      orgs.push({
        id: `org:syn-${pad(orgs.length, 4)}`,
        name: `${region.short}${rng.pick(["产业", "创新", "国资"])}投资有限公司${i + 1}`,
        region: index,
      });
    }
  });
  regions.forEach((region, index) => {
    if (region.kind !== "city") return;
    const local = presences.filter((p) => p.developed && regions[p.region]!.parent === index);
    if (local.length === 0) return;
    const chainIds = [...new Set(local.map((p) => chains[p.chain]!.id))];
    const provinceOrgs = orgs.filter((o) => o.region === region.parent);
    const invests = rng.sample(local, Math.min(8, local.length)).map((p) => p.firmStart);
    funds.push({
      id: `fund:syn-${pad(funds.length, 4)}`,
      name: `${region.short}产业发展基金`,
      region: index,
      manager: orgs.indexOf(rng.pick(provinceOrgs)),
      serves: rng.sample(chainIds, Math.min(3, chainIds.length)),
      sizeYuan: rng.int(5, 200) * 1e8,
      invests,
    });
  });
  return { institutes, parks, parkOfRegion, funds, orgs };
}
