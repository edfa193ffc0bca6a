import type { RelationshipType } from "../../model/domain.ts";
import { initialsOfParts } from "../../server/search/name-initials.ts";
import { firmName } from "./names.ts";
import type { ChainPlan, Plan, PresencePlan } from "./plan.ts";
import { firmId, nearRegions } from "./plan.ts";
import { type Random, streamFor } from "./random.ts";
import type { FirmTag, NodeRow, RelRow } from "./types.ts";

/**
 * Firms and their own relationships (LOCATED_IN, IN_SEGMENT, SUPPLIES, HOSTS), derived from the
 * plan one firm at a time: each firm draws from its own random stream, so a chunk can be produced
 * without the others and the result does not depend on the chunk size.
 */

/** Where one firm sits in the plan. */
export interface FirmPlace {
  index: number;
  presence: PresencePlan;
  chain: ChainPlan;
  /** Leaf segment index in the chain, its leaf position, and the firm's rank within that segment here. */
  segment: number;
  position: number;
  rank: number;
}

/** Walks firm indices [start, end) with their places, presence by presence, segment by segment. */
export function* firmPlaces(plan: Plan, start: number, end: number): Generator<FirmPlace> {
  let p = presenceOf(plan, start);
  for (; p < plan.presences.length; p++) {
    const presence = plan.presences[p]!;
    if (presence.firmStart >= end) return;
    const chain = plan.chains[presence.chain]!;
    for (let position = 0; position < chain.leaves.length; position++) {
      const first = presence.bucketStart[position]!;
      const size = presence.bucketSize[position]!;
      for (let index = Math.max(first, start); index < Math.min(first + size, end); index++) {
        yield { index, presence, chain, segment: chain.leaves[position]!, position, rank: index - first };
      }
    }
  }
}

/** The presence holding firm `index` (binary search over the contiguous ranges). */
export function presenceOf(plan: Plan, index: number): number {
  let lo = 0;
  let hi = plan.presences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.presences[mid]!.firmStart <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const isLeader = (place: FirmPlace) => place.presence.leaders.includes(place.index);
const isWeakLeader = (place: FirmPlace) => place.presence.leaderKind === "weak" && isLeader(place);

export function firmNode(plan: Plan, place: FirmPlace): NodeRow {
  const rng = streamFor(plan.seed, "firm", place.index);
  const { presence, chain } = place;
  const region = plan.regions[presence.region]!;
  const thin = presence.thin.includes(place.segment);
  const leader = isLeader(place);
  const tags: FirmTag[] = [];
  // The first firm of a normal segment is above-scale, so only planted thin segments lack one.
  if (leader || (!thin && (place.rank === 0 || rng.chance(0.22)))) tags.push("规上");
  if (!thin && rng.chance(0.05)) tags.push("专精特新", ...(rng.chance(0.2) ? (["小巨人"] as const) : []));
  if (rng.chance(0.12)) tags.push("高新技术");
  if (leader || (!thin && rng.chance(0.006))) tags.push("上市");
  if (!thin && rng.chance(0.0005)) tags.push("独角兽");
  if (leader) tags.push("龙头");
  // A no-tie decoy looks attractive on paper: listed, above-scale, a little giant.
  if (plan.decoyFor.has(place.index))
    for (const tag of ["上市", "规上", "专精特新", "小巨人"] as const) if (!tags.includes(tag)) tags.push(tag);
  const { name, alias, parts } = firmName(rng, region.short, chain.stem);
  const props: NodeRow["props"] = {
    id: firmId(place.index),
    name,
    nameEn: `Synthetic firm ${place.index}`,
    aliases: [alias],
    aliasesText: alias,
    nameInitials: `${initialsOfParts(parts)} ${initialsOfParts([alias])}`,
    tags,
  };
  const scope = presence.outsideOnly.includes(place.segment) ? "outside" : rng.chance(0.1) ? "local" : rng.chance(0.25) ? "mixed" : null;
  if (scope) props.marketScope = scope;
  return { id: firmId(place.index), props };
}

/** Supply-degree distribution: P(d) ~ d^-2.3, capped so a hub's expansion stays bounded. */
const DEGREE_EXPONENT = 2.3;
export const DEGREE_CAP = 60;
const LEADER_DEGREE = 20;
const WEAK_LEADER_DEGREE = 12;
const LOCAL_SHARE = 0.55;

const near = (plan: Plan, a: PresencePlan, b: PresencePlan) => nearRegions(plan.regions, a.region, b.region);

/**
 * The firm's customers, by firm index. Local ties go to firms of the same district (enclave
 * firms: their home district) in segments this one feeds, skewed towards each segment's first
 * firms; outside ties go to a random other region's firms. Planted gaps bend these rules.
 */
export function supplyTargets(plan: Plan, place: FirmPlace): number[] {
  const { presence, chain, segment } = place;
  const feeds = chain.segments[segment]!.feeds;
  if (feeds.length === 0) return [];
  const rng = streamFor(plan.seed, "supplies", place.index);
  const local = presence.homePresence !== undefined ? plan.presences[presence.homePresence]! : presence;
  const bucket = (s: number) => chain.leafPosition[s]!;
  const noTie = new Set(presence.noLocalTie.filter(([a]) => a === segment).map(([, b]) => b));
  const localTargets = feeds.filter((t) => local.bucketSize[bucket(t)]! > 0 && !noTie.has(t));
  const outsideOnly = presence.outsideOnly.includes(segment);
  const weak = isWeakLeader(place);
  const leader = isLeader(place);
  if (!outsideOnly && localTargets.length === 0) return [];

  const degree = weak ? WEAK_LEADER_DEGREE : leader ? LEADER_DEGREE : rng.powerLaw(DEGREE_EXPONENT, DEGREE_CAP);
  const localShare = weak ? 0 : leader ? 0.8 : LOCAL_SHARE;
  const buyers = new Set<number>();
  // Flow closure: the first firm of a segment supplies the first firm of every local segment it feeds,
  // so an expected flow is broken only where a gap was planted.
  if (place.rank === 0 && !outsideOnly && presence.homePresence === undefined) {
    for (const t of localTargets) buyers.add(local.bucketStart[bucket(t)]!);
  }
  const decoyTarget = plan.decoyFor.get(place.index);
  const farFromTarget = (buyer: number) =>
    decoyTarget === undefined || !near(plan, plan.presences[presenceOf(plan, buyer)]!, plan.presences[decoyTarget]!);
  for (let j = 0; j < degree; j++) {
    const wantLocal = !outsideOnly && (buyers.size === 0 || rng.chance(localShare));
    const buyer = wantLocal ? localBuyer(rng, local, chain, localTargets) : outsideBuyer(rng, plan, presence, chain, feeds);
    if (buyer !== undefined && buyer !== place.index && farFromTarget(buyer)) buyers.add(buyer);
  }
  return [...buyers];
}

function localBuyer(rng: Random, local: PresencePlan, chain: ChainPlan, targets: number[]): number | undefined {
  const position = chain.leafPosition[rng.pick(targets)]!;
  const start = local.bucketStart[position]!;
  const size = local.bucketSize[position]!;
  const pick = start + rng.skewedIndex(size, 3);
  // A weak leader gets no local customers' ties by construction.
  return local.leaderKind === "weak" && local.leaders.includes(pick) ? start : pick;
}

/** A no-tie decoy trades with no firm near the district it is a decoy for, in either direction. */
function suppressed(plan: Plan, supplierPresence: PresencePlan, buyer: number): boolean {
  const buyerTarget = plan.decoyFor.get(buyer);
  if (buyerTarget !== undefined && near(plan, supplierPresence, plan.presences[buyerTarget]!)) return true;
  return false;
}

function outsideBuyer(rng: Random, plan: Plan, presence: PresencePlan, chain: ChainPlan, feeds: number[]): number | undefined {
  const others = plan.presencesByChain[presence.chain]!;
  for (let attempt = 0; attempt < 6; attempt++) {
    const other = plan.presences[rng.pick(others)]!;
    if (near(plan, presence, other)) continue;
    const position = chain.leafPosition[rng.pick(feeds)]!;
    const size = other.bucketSize[position]!;
    if (size === 0) continue;
    const pick = other.bucketStart[position]! + rng.int(0, size - 1);
    if (other.leaderKind === "weak" && other.leaders.includes(pick)) continue;
    if (suppressed(plan, presence, pick)) continue;
    return pick;
  }
  return undefined;
}

/** Every customer of the firm: its own ties plus the planted recruitment ties (plan.ts TargetPlant) of a best target or unrelated decoy. */
export function allSupplyTargets(plan: Plan, place: FirmPlace): number[] {
  const planted = plan.tiedPlant.get(place.index)?.supplies ?? [];
  return [...new Set([...supplyTargets(plan, place), ...planted])];
}

/** HOSTS: about one firm in six sits in its district's industrial park. */
export function hostingPark(plan: Plan, place: FirmPlace): number | undefined {
  const park = plan.parkOfRegion.get(place.presence.region);
  if (park === undefined) return undefined;
  return streamFor(plan.seed, "hosts", place.index).chance(1 / 6) ? park : undefined;
}

export function firmRelations(plan: Plan, place: FirmPlace, emit: (type: RelationshipType, row: RelRow) => void) {
  const id = firmId(place.index);
  emit("LOCATED_IN", { from: id, to: plan.regions[place.presence.region]!.id, key: "", props: {} });
  emit("IN_SEGMENT", { from: id, to: place.chain.segments[place.segment]!.id, key: "", props: {} });
  for (const buyer of allSupplyTargets(plan, place)) emit("SUPPLIES", { from: id, to: firmId(buyer), key: "", props: {} });
  const plant = plan.tiedPlant.get(place.index);
  if (plant) {
    emit("COOPERATES_WITH", { from: id, to: firmId(plant.cooperates), key: "", props: {} });
    emit("SUBSIDIARY_OF", { from: id, to: firmId(plant.groupOf), key: "", props: {} });
  }
  const park = hostingPark(plan, place);
  if (park !== undefined) emit("HOSTS", { from: plan.parks[park]!.id, to: id, key: "", props: {} });
}
