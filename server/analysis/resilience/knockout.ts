import { detectGaps } from "../detect-gaps.ts";
import type { FirmFacts } from "../scenarios/changes.ts";
import { applyScenario, type GapRows, segmentClosure } from "../scenarios/overlay.ts";
import type { Finding, SupportActor, Thresholds } from "../types.ts";
import { betweenness, cutPoints, type SupplyEdge } from "./graph-measures.ts";

/**
 * Resilience (韧性, 卡脖子): knock out each local firm in turn (the scenario overlay's remove-firm,
 * judged by detectGaps) and each outside supplier (its ties to local firms gone), and say what
 * breaks; flows that hang on a single supplier or on suppliers outside the province; graph
 * measures of the supply graph. Pure; docs/gap-detection.md ("Resilience") gives the weights.
 */
export interface ResilienceInput {
  rows: GapRows;
  support: SupportActor[];
  thresholds: Thresholds;
  /** Every local firm of the chain (find-firm-ties), with its suppliers and customers. */
  firms: Map<string, FirmFacts>;
}

/** How much each consequence of losing a firm weighs in its criticality. */
export const CRITICALITY_WEIGHTS = { segmentLost: 3, flowOpened: 2, leaderOrphaned: 2, isLeader: 3, otherFinding: 0.5 } as const;

export interface LocalKnockout {
  firm: string;
  name: string;
  leader: boolean;
  segmentsLost: string[];
  flowsOpened: { from: string; to: string }[];
  leadersOrphaned: string[];
  otherFindings: string[];
  betweenness: number;
  articulationPoint: boolean;
  score: number;
}

export interface OutsideKnockout {
  supplier: string;
  name: string;
  inProvince: boolean;
  localBuyers: string[];
  buyersLeftWithoutSupplier: string[];
  leadersSupplied: string[];
  score: number;
}

export interface FlowDependence {
  from: string;
  to: string;
  suppliers: number;
  singleSource: string | null;
  outsideProvinceOnly: boolean;
}

const nameOf = (f: FirmFacts | undefined, id: string) => (typeof f?.node.name === "string" ? f.node.name : id);
const flowKey = (f: { from: string; to: string }) => `${f.from}>${f.to}`;
const isFlowFinding = (f: Finding) => f.kind === "broken-link";

export function assessResilience(input: ResilienceInput) {
  const { rows, support, thresholds, firms } = input;
  const judge = (r: GapRows) => detectGaps({ ...r, support, thresholds }).findings;
  const baseline = new Set(judge(rows).map((f) => f.id));
  const closure = segmentClosure(rows.segments);
  const localIds = [...firms.keys()].filter((id) => firms.get(id)!.local);
  const leaderIds = new Set(rows.leaders.map((l) => l.leader.id));

  const edges: SupplyEdge[] = [];
  for (const id of localIds) {
    const f = firms.get(id)!;
    for (const s of f.suppliers) edges.push({ from: s.id, to: id });
    for (const c of f.customers) if (!c.local) edges.push({ from: id, to: c.id });
  }
  const graphNodes = [...new Set([...localIds, ...edges.flatMap((e) => [e.from, e.to])])];
  const central = betweenness(graphNodes, edges);
  const cuts = cutPoints(graphNodes, edges);
  const articulation = new Set(cuts.articulationPoints);

  const local: LocalKnockout[] = localIds.map((id) => {
    const after = applyScenario(rows, [{ kind: "remove-firm", firm: id }], firms);
    const opened = judge(after).filter((f) => !baseline.has(f.id));
    const segmentsLost = opened.filter((f) => f.kind === "missing-segment").map((f) => f.segment!);
    const flowsOpened = rows.flows
      .filter((flow) => flow.localTies.length > 0)
      .filter((flow) => after.flows.find((a) => flowKey(a) === flowKey(flow))!.localTies.length === 0)
      .map((flow) => ({ from: flow.from, to: flow.to }));
    const leadersOrphaned = after.leaders
      .filter((l) => l.localSuppliers === 0 && (rows.leaders.find((b) => b.leader.id === l.leader.id)?.localSuppliers ?? 0) > 0)
      .map((l) => l.leader.id);
    const otherFindings = opened.filter((f) => f.kind !== "missing-segment" && !isFlowFinding(f)).map((f) => f.id);
    const leader = leaderIds.has(id);
    const w = CRITICALITY_WEIGHTS;
    const score =
      w.segmentLost * segmentsLost.length +
      w.flowOpened * flowsOpened.length +
      w.leaderOrphaned * leadersOrphaned.length +
      (leader ? w.isLeader : 0) +
      w.otherFinding * otherFindings.length;
    return {
      firm: id,
      name: nameOf(firms.get(id), id),
      leader,
      segmentsLost,
      flowsOpened,
      leadersOrphaned,
      otherFindings,
      betweenness: central.get(id) ?? 0,
      articulationPoint: articulation.has(id),
      score,
    };
  });
  // Rank before limiting anything: score, then betweenness, then id for a stable order.
  local.sort((a, b) => b.score - a.score || b.betweenness - a.betweenness || a.firm.localeCompare(b.firm));

  const suppliersOf = new Map(localIds.map((id) => [id, firms.get(id)!.suppliers]));
  const outside = new Map<string, OutsideKnockout>();
  for (const [buyer, suppliers] of suppliersOf) {
    for (const s of suppliers.filter((x) => !x.local)) {
      const entry = outside.get(s.id) ?? {
        supplier: s.id,
        name: s.name ?? s.id,
        inProvince: s.inProvince,
        localBuyers: [],
        buyersLeftWithoutSupplier: [],
        leadersSupplied: [],
        score: 0,
      };
      entry.localBuyers.push(buyer);
      if (suppliers.length === 1) entry.buyersLeftWithoutSupplier.push(buyer);
      if (leaderIds.has(buyer)) entry.leadersSupplied.push(buyer);
      outside.set(s.id, entry);
    }
  }
  const outsideRanked = [...outside.values()]
    .map((o) => ({ ...o, score: 2 * o.buyersLeftWithoutSupplier.length + 2 * o.leadersSupplied.length + 0.1 * o.localBuyers.length }))
    .sort((a, b) => b.score - a.score || a.supplier.localeCompare(b.supplier));

  const flows: FlowDependence[] = rows.flows.map((flow) => {
    const buyers = localIds.filter((id) => closure(firms.get(id)!.segments).has(flow.to));
    const suppliers = new Map<string, boolean>();
    for (const b of buyers) {
      for (const s of firms.get(b)!.suppliers) {
        const own = s.local ? (firms.get(s.id)?.segments ?? s.segments) : s.segments;
        if (closure(own).has(flow.from)) suppliers.set(s.id, s.local || s.inProvince);
      }
    }
    return {
      from: flow.from,
      to: flow.to,
      suppliers: suppliers.size,
      singleSource: suppliers.size === 1 ? [...suppliers.keys()][0]! : null,
      outsideProvinceOnly: suppliers.size > 0 && [...suppliers.values()].every((inside) => !inside),
    };
  });

  return {
    localFirms: localIds.length,
    critical: local,
    outsideSuppliers: outsideRanked,
    flows,
    singleSource: flows.filter((f) => f.singleSource !== null),
    outsideProvince: flows.filter((f) => f.outsideProvinceOnly),
    measures: {
      articulationPoints: cuts.articulationPoints,
      bridges: cuts.bridges,
      supplyGraph: { nodes: graphNodes.length, edges: edges.length },
    },
    weights: CRITICALITY_WEIGHTS,
  };
}
