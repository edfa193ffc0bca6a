import type { Filters } from "../state/url-state.ts";

/**
 * Filtering the ecosystem view by type, stage, region and chain. Facts a node does not carry
 * itself (a firm's stage, region, chain) are derived from the ties in view: IN_SEGMENT, LOCATED_IN,
 * SEGMENT_OF, LEADS. A filter only judges the node types it applies to; others stay visible.
 */
type Data = Record<string, unknown>;
export interface NodeFacts {
  stages: Set<string>;
  regions: Set<string>;
  chains: Set<string>;
}

const APPLIES = {
  stages: new Set(["segment", "firm", "project"]),
  regions: new Set(["firm", "organization", "fund", "institute", "park", "project", "region"]),
  chains: new Set(["segment", "firm", "project", "chain"]),
};

export function deriveFacts(nodes: Data[], edges: Data[]): Map<string, NodeFacts> {
  const facts = new Map<string, NodeFacts>();
  const get = (id: string) => {
    let entry = facts.get(id);
    if (!entry) {
      entry = { stages: new Set(), regions: new Set(), chains: new Set() };
      facts.set(id, entry);
    }
    return entry;
  };
  const byId = new Map(nodes.map((node) => [String(node.id), node]));
  for (const node of nodes) {
    const id = String(node.id);
    const entry = get(id);
    if (node.type === "segment" && typeof node.stage === "string") entry.stages.add(node.stage);
    if (node.type === "region") entry.regions.add(id);
    if (node.type === "chain") entry.chains.add(id);
    if (typeof node.region === "string") entry.regions.add(node.region);
  }
  for (const edge of edges) {
    const from = String(edge.source);
    const to = String(edge.target);
    if (edge.type === "SEGMENT_OF") get(from).chains.add(to);
    if (edge.type === "LOCATED_IN") get(from).regions.add(to);
    if (edge.type === "LEADS") get(from).chains.add(to);
  }
  // Firms and projects inherit stage and chain from their segments, after segments know their chain.
  for (const edge of edges) {
    if (edge.type !== "IN_SEGMENT") continue;
    const segment = get(String(edge.target));
    const member = get(String(edge.source));
    for (const stage of segment.stages) member.stages.add(stage);
    for (const chain of segment.chains) member.chains.add(chain);
  }
  for (const node of nodes) {
    if (!Array.isArray(node.segments)) continue;
    const entry = get(String(node.id));
    for (const segmentId of node.segments) {
      const segment = byId.get(String(segmentId));
      if (segment && typeof segment.stage === "string") entry.stages.add(segment.stage);
    }
  }
  return facts;
}

export function filtersActive(filters: Filters): boolean {
  return filters.types.length + filters.stages.length + filters.regions.length + filters.chains.length > 0;
}

/** Whether a node stays visible under the filters. */
export function passes(node: Data, filters: Filters, facts: Map<string, NodeFacts>): boolean {
  const type = String(node.type);
  if (filters.types.length > 0 && !filters.types.includes(type)) return false;
  const known = facts.get(String(node.id)) ?? { stages: new Set(), regions: new Set(), chains: new Set() };
  const check = (wanted: string[], have: Set<string>, applies: Set<string>) =>
    wanted.length === 0 || !applies.has(type) || wanted.some((value) => have.has(value));
  return (
    check(filters.stages, known.stages, APPLIES.stages) &&
    check(filters.regions, known.regions, APPLIES.regions) &&
    check(filters.chains, known.chains, APPLIES.chains)
  );
}
