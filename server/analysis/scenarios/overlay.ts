import type { EdgeRow, NodeRow } from "../../graph/elements.ts";
import { fieldPath } from "../../lib/field-path.ts";
import type { FlowCheck, LeaderCheck, SegmentCoverage } from "../types.ts";
import { type FirmFacts, newFirmId, type ScenarioChange, ScenarioConflict } from "./changes.ts";

/**
 * A scenario applied as an overlay on the rows the gap queries return (coverage, flows, leaders),
 * so detectGaps judges the 远景 exactly as it judges the 现状. Pure: the facts of every firm a
 * change names are read beforehand (find-firm-ties). docs/gap-detection.md ("Scenarios") lists
 * what each change moves and what it leaves alone.
 */
export interface GapRows {
  segments: SegmentCoverage[];
  flows: FlowCheck[];
  leaders: LeaderCheck[];
}

export interface Overlaid extends GapRows {
  /** Firms and projects the scenario places in the region, and the ties it adds: drawn dashed. */
  added: { nodes: NodeRow[]; ties: EdgeRow[] };
  /** Firms the scenario takes out of the region. */
  removed: string[];
  /** Firms whose chain-leader role the scenario withdraws. */
  unled: string[];
}

const ABOVE_SCALE_TAGS = ["规上", "上市"];
const isAboveScale = (node: NodeRow) => Array.isArray(node.tags) && node.tags.some((t) => ABOVE_SCALE_TAGS.includes(String(t)));
const OPERATING = "operating";

interface Placed {
  node: NodeRow;
  segments: string[];
  aboveScale: boolean;
}

/** For a chain's segments: which of them count a firm sitting in `own` (each and its parents), as the coverage query does. */
export function segmentClosure(segments: SegmentCoverage[]): (own: string[]) => Set<string> {
  const parentOf = new Map(segments.map((s) => [s.segment.id, s.parent]));
  return (own) => {
    const out = new Set<string>();
    for (const start of own) for (let id: string | null | undefined = start; id && parentOf.has(id); id = parentOf.get(id)) out.add(id);
    return out;
  };
}

export function applyScenario(rows: GapRows, changes: ScenarioChange[], facts: Map<string, FirmFacts>): Overlaid {
  const segments = rows.segments.map((s) => ({ ...s, firmIds: [...s.firmIds] }));
  const flows = rows.flows.map((f) => ({
    ...f,
    upstreamIds: [...f.upstreamIds],
    downstreamIds: [...f.downstreamIds],
    localTies: [...f.localTies],
    outsideSellers: [...f.outsideSellers],
  }));
  const leaders = new Map(
    rows.leaders.map((l) => [l.leader.id, { ...l, localSupplierIds: [...l.localSupplierIds], localCustomerIds: [...l.localCustomerIds] }]),
  );
  const bySegment = new Map(segments.map((s) => [s.segment.id, s]));
  const added = new Map<string, Placed>();
  const addedTies: EdgeRow[] = [];
  const removed = new Set<string>();
  const unled = new Set<string>();
  const tiedByScenario = new Set<string>();

  const closure = segmentClosure(segments);
  const isLocal = (id: string, fallback = false) => !removed.has(id) && (added.has(id) || (facts.get(id)?.local ?? fallback));
  const segmentsOf = (id: string, fallback: string[] = []) => added.get(id)?.segments ?? facts.get(id)?.segments ?? fallback;
  const known = (id: string, field: string) => {
    if (!added.has(id) && !facts.has(id))
      throw new ScenarioConflict(field, `"${id}" is not a firm in the graph or added earlier in this scenario`);
  };
  const notRemoved = (id: string, field: string) => {
    if (removed.has(id)) throw new ScenarioConflict(field, `"${id}" was removed by an earlier change of this scenario`);
  };

  const addTieToFlows = (from: string, to: string, props: Record<string, unknown>) => {
    const up = closure(segmentsOf(from));
    const down = closure(segmentsOf(to));
    for (const flow of flows) {
      if (!up.has(flow.from) || !down.has(flow.to)) continue;
      if (!flow.localTies.some((t) => t.from === from && t.to === to)) flow.localTies.push({ type: "SUPPLIES", from, to, props });
    }
    // A local seller with a local buyer no longer sells only outside.
    for (const flow of flows) flow.outsideSellers = flow.outsideSellers.filter((s) => s.id !== from);
  };

  const place = (id: string, p: Placed) => {
    added.set(id, p);
    for (const segId of closure(p.segments)) {
      const s = bySegment.get(segId)!;
      s.localFirms += 1;
      if (p.aboveScale) s.aboveScaleFirms += 1;
      s.firmIds.push(id);
    }
    const own = closure(p.segments);
    for (const flow of flows) {
      if (own.has(flow.from)) {
        flow.upstreamFirms += 1;
        flow.upstreamIds.push(id);
      }
      if (own.has(flow.to)) {
        flow.downstreamFirms += 1;
        flow.downstreamIds.push(id);
      }
    }
    // Its real ties to firms that are local become local ties, and local leaders gain a local partner.
    const f = facts.get(id);
    for (const c of f?.customers ?? []) {
      if (!isLocal(c.id, c.local)) continue;
      addTieToFlows(id, c.id, {});
      const leader = leaders.get(c.id);
      if (leader && !leader.localSupplierIds.includes(id)) {
        leader.localSuppliers += 1;
        leader.localSupplierIds.push(id);
      }
    }
    for (const s of f?.suppliers ?? []) {
      if (!isLocal(s.id, s.local)) continue;
      addTieToFlows(s.id, id, {});
      const leader = leaders.get(s.id);
      if (leader && !leader.localCustomerIds.includes(id)) {
        leader.localCustomers += 1;
        leader.localCustomerIds.push(id);
      }
    }
  };

  const takeOut = (id: string) => {
    const f = facts.get(id)!;
    const own = closure(f.segments);
    for (const segId of own) {
      const s = bySegment.get(segId)!;
      s.localFirms = Math.max(0, s.localFirms - 1);
      if (isAboveScale(f.node)) s.aboveScaleFirms = Math.max(0, s.aboveScaleFirms - 1);
      s.firmIds = s.firmIds.filter((x) => x !== id);
    }
    for (const flow of flows) {
      if (own.has(flow.from)) {
        flow.upstreamFirms = Math.max(0, flow.upstreamFirms - 1);
        flow.upstreamIds = flow.upstreamIds.filter((x) => x !== id);
        flow.outsideSellers = flow.outsideSellers.filter((x) => x.id !== id);
      }
      if (own.has(flow.to)) {
        flow.downstreamFirms = Math.max(0, flow.downstreamFirms - 1);
        flow.downstreamIds = flow.downstreamIds.filter((x) => x !== id);
      }
      flow.localTies = flow.localTies.filter((t) => t.from !== id && t.to !== id);
    }
    leaders.delete(id);
    for (const c of f.customers) {
      const leader = leaders.get(c.id);
      if (!leader) continue;
      leader.suppliers = Math.max(0, leader.suppliers - 1);
      if (leader.localSupplierIds.includes(id) || f.local) leader.localSuppliers = Math.max(0, leader.localSuppliers - 1);
      leader.localSupplierIds = leader.localSupplierIds.filter((x) => x !== id);
    }
    for (const s of f.suppliers) {
      const leader = leaders.get(s.id);
      if (!leader) continue;
      leader.customers = Math.max(0, leader.customers - 1);
      if (leader.localCustomerIds.includes(id) || f.local) leader.localCustomers = Math.max(0, leader.localCustomers - 1);
      leader.localCustomerIds = leader.localCustomerIds.filter((x) => x !== id);
    }
    removed.add(id);
  };

  changes.forEach((change, i) => {
    const field = (name: string) => fieldPath("changes", i, name);
    switch (change.kind) {
      case "add-firm": {
        if (!bySegment.has(change.segment))
          throw new ScenarioConflict(field("segment"), `"${change.segment}" is not a segment of this chain`);
        if (change.firm) {
          known(change.firm, field("firm"));
          if (isLocal(change.firm)) throw new ScenarioConflict(field("firm"), `"${change.firm}" is already in the region`);
          const f = facts.get(change.firm)!;
          if (!f.node._labels.includes("Firm")) throw new ScenarioConflict(field("firm"), `"${change.firm}" is not a firm`);
          place(change.firm, { node: f.node, segments: [change.segment], aboveScale: change.aboveScale ?? isAboveScale(f.node) });
        } else {
          const id = newFirmId(i);
          const name = change.name ?? "新企业";
          const node: NodeRow = { id, _labels: ["Firm"], name, nameEn: change.nameEn ?? name, tags: change.aboveScale ? ["规上"] : [] };
          place(id, { node, segments: [change.segment], aboveScale: change.aboveScale ?? false });
        }
        return;
      }
      case "promote-project": {
        known(change.project, field("project"));
        const f = facts.get(change.project)!;
        if (!f.node._labels.includes("Project")) throw new ScenarioConflict(field("project"), `"${change.project}" is not a project`);
        if (!f.local) throw new ScenarioConflict(field("project"), `"${change.project}" is not in the region`);
        if (f.node.status === OPERATING || added.has(change.project))
          throw new ScenarioConflict(field("project"), `"${change.project}" is already operating`);
        // An operating project counts as one local firm in its segments; it is not 规上 until a statistic says so.
        place(change.project, { node: { ...f.node, status: OPERATING }, segments: f.segments, aboveScale: false });
        return;
      }
      case "add-tie": {
        if (change.from === change.to) throw new ScenarioConflict(field("to"), "a firm cannot supply itself");
        known(change.from, field("from"));
        known(change.to, field("to"));
        notRemoved(change.from, field("from"));
        notRemoved(change.to, field("to"));
        const key = `${change.from}>${change.to}`;
        const already = facts.get(change.from)?.customers.some((c) => c.id === change.to) || tiedByScenario.has(key);
        if (already) throw new ScenarioConflict(field("to"), `"${change.from}" already supplies "${change.to}"`);
        // A loop of hypothetical ties (a → b → a) is refused: every tie here is a planner's assumption, none confirms another.
        if (tiedByScenario.has(`${change.to}>${change.from}`)) {
          throw new ScenarioConflict(
            field("to"),
            `the scenario already has "${change.to}" supplying "${change.from}": a cycle of assumed ties`,
          );
        }
        tiedByScenario.add(key);
        const tie: EdgeRow = { type: "SUPPLIES", from: change.from, to: change.to, props: { scenario: true } };
        addedTies.push(tie);
        if (isLocal(change.from) && isLocal(change.to)) addTieToFlows(change.from, change.to, tie.props);
        const buyer = leaders.get(change.to);
        if (buyer) {
          buyer.suppliers += 1;
          if (isLocal(change.from)) {
            buyer.localSuppliers += 1;
            buyer.localSupplierIds.push(change.from);
          }
        }
        const seller = leaders.get(change.from);
        if (seller) {
          seller.customers += 1;
          if (isLocal(change.to)) {
            seller.localCustomers += 1;
            seller.localCustomerIds.push(change.to);
          }
        }
        return;
      }
      case "remove-tie": {
        for (const flow of flows) flow.localTies = flow.localTies.filter((t) => t.from !== change.from || t.to !== change.to);
        const buyer = leaders.get(change.to);
        if (buyer) {
          buyer.suppliers = Math.max(0, buyer.suppliers - 1);
          if (buyer.localSupplierIds.includes(change.from)) buyer.localSuppliers = Math.max(0, buyer.localSuppliers - 1);
          buyer.localSupplierIds = buyer.localSupplierIds.filter((x) => x !== change.from);
        }
        const seller = leaders.get(change.from);
        if (seller) {
          seller.customers = Math.max(0, seller.customers - 1);
          if (seller.localCustomerIds.includes(change.to)) seller.localCustomers = Math.max(0, seller.localCustomers - 1);
          seller.localCustomerIds = seller.localCustomerIds.filter((x) => x !== change.to);
        }
        return;
      }
      case "remove-firm": {
        known(change.firm, field("firm"));
        notRemoved(change.firm, field("firm"));
        if (added.has(change.firm))
          throw new ScenarioConflict(field("firm"), `"${change.firm}" was added by this scenario; drop that change instead`);
        if (!facts.get(change.firm)!.local) throw new ScenarioConflict(field("firm"), `"${change.firm}" is not in the region`);
        takeOut(change.firm);
        return;
      }
      case "remove-leader": {
        known(change.firm, field("firm"));
        notRemoved(change.firm, field("firm"));
        if (!leaders.has(change.firm))
          throw new ScenarioConflict(field("firm"), `"${change.firm}" is not a chain leader of this chain in the region`);
        leaders.delete(change.firm);
        unled.add(change.firm);
        return;
      }
    }
  });

  return {
    segments,
    flows,
    leaders: rows.leaders.filter((l) => leaders.has(l.leader.id)).map((l) => leaders.get(l.leader.id)!),
    added: { nodes: [...added.entries()].map(([id, p]) => ({ ...p.node, id, scenario: true, segments: p.segments })), ties: addedTies },
    removed: [...removed],
    unled: [...unled],
  };
}
