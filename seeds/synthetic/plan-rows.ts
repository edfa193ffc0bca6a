import type { EntityLabel, RelationshipType } from "../../model/domain.ts";
import { relationKey } from "../../model/relation-key.ts";
import { nameInitials } from "../../server/search/name-initials.ts";
import { firmId, type Plan } from "./plan.ts";
import type { NodeRow, RelRow } from "./types.ts";

/**
 * Everything of the plan except the firms and their own ties: regions, chains, segments,
 * support actors, and the plan-level relationships. Small (thousands of rows at a million firms).
 */
export function planNodes(plan: Plan): [EntityLabel, NodeRow[]][] {
  const node = (id: string, props: Record<string, string | number | string[]>): NodeRow => ({
    id,
    props: { id, aliasesText: "", nameInitials: nameInitials(props.name, []), ...props },
  });
  return [
    ["Region", plan.regions.map((r) => node(r.id, { name: r.name, nameEn: r.nameEn, kind: r.kind }))],
    ["Chain", plan.chains.map((c) => node(c.id, { name: c.name, nameEn: c.nameEn }))],
    ["Segment", plan.chains.flatMap((c) => c.segments.map((s) => node(s.id, { name: s.name, nameEn: s.nameEn, stage: s.stage })))],
    ["Organization", plan.orgs.map((o) => node(o.id, { name: o.name, kind: "investor" }))],
    ["Fund", plan.funds.map((f) => node(f.id, { name: f.name, sizeYuan: f.sizeYuan }))],
    ["Institute", plan.institutes.map((i) => node(i.id, { name: i.name, kind: i.kind }))],
    ["Park", plan.parks.map((p) => node(p.id, { name: p.name, kind: "park", status: "operating" }))],
  ];
}

export function planRelations(plan: Plan): [RelationshipType, RelRow[]][] {
  const rel = (from: string, to: string, props: Record<string, string> = {}): RelRow => ({
    from,
    to,
    key: relationKey(props),
    props,
  });
  const regionId = (index: number) => plan.regions[index]!.id;
  const partOf: RelRow[] = [];
  const enclaveOf: RelRow[] = [];
  const locatedIn: RelRow[] = [];
  for (const r of plan.regions) {
    if (r.parent !== undefined) partOf.push(rel(r.id, regionId(r.parent)));
    if (r.enclaveOf !== undefined) enclaveOf.push(rel(r.id, regionId(r.enclaveOf)));
    if (r.host !== undefined) locatedIn.push(rel(r.id, regionId(r.host)));
  }
  for (const actor of [...plan.institutes, ...plan.parks, ...plan.funds, ...plan.orgs])
    locatedIn.push(rel(actor.id, regionId(actor.region)));

  const segmentOf: RelRow[] = [];
  const subSegmentOf: RelRow[] = [];
  const feeds: RelRow[] = [];
  for (const chain of plan.chains) {
    for (const s of chain.segments) {
      segmentOf.push(rel(s.id, chain.id));
      if (s.parent !== undefined) subSegmentOf.push(rel(s.id, chain.segments[s.parent]!.id));
      for (const t of s.feeds) feeds.push(rel(s.id, chain.segments[t]!.id));
    }
  }
  const developed = plan.presences.filter((p) => p.developed);
  const develops = developed.map((p) => rel(regionId(p.region), plan.chains[p.chain]!.id, { period: "2025" }));
  const leads = developed.flatMap((p) => p.leaders.map((f) => rel(firmId(f), plan.chains[p.chain]!.id, { region: regionId(p.region) })));
  const serves = [...plan.institutes, ...plan.parks, ...plan.funds].flatMap((a) => a.serves.map((target) => rel(a.id, target)));
  const sponsors = plan.funds.map((f) => rel(regionId(f.region), f.id));
  const manages = plan.funds.flatMap((f) => (f.manager >= 0 ? [rel(plan.orgs[f.manager]!.id, f.id)] : []));
  const investsIn = plan.funds.flatMap((f) => f.invests.map((firm) => rel(f.id, firmId(firm))));
  return [
    ["PART_OF", partOf],
    ["ENCLAVE_OF", enclaveOf],
    ["LOCATED_IN", locatedIn],
    ["SEGMENT_OF", segmentOf],
    ["SUB_SEGMENT_OF", subSegmentOf],
    ["FEEDS", feeds],
    ["DEVELOPS", develops],
    ["LEADS", leads],
    ["SERVES", serves],
    ["SPONSORS", sponsors],
    ["MANAGES", manages],
    ["INVESTS_IN", investsIn],
  ];
}
