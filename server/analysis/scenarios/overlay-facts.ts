import type { FirmFacts, TiePartner } from "./changes.ts";
import type { Overlaid } from "./overlay.ts";

/**
 * The per-firm facts (find-firm-ties rows) as a scenario leaves them, for analyses that walk firm
 * by firm (resilience): removed firms gone, also from every partner list; firms the scenario places
 * in the region local, in the segment it puts them in; withdrawn leaders plain firms; the ties it
 * assumes added to both ends. Pure: `facts` must hold the added real firms too (read as outside).
 */
export function overlayFacts(facts: Map<string, FirmFacts>, overlay: Overlaid): Map<string, FirmFacts> {
  const removed = new Set(overlay.removed);
  const unled = new Set(overlay.unled);
  const placed = new Map(
    overlay.added.nodes
      .filter((n) => n._labels.includes("Firm"))
      .map((n) => [n.id, Array.isArray(n.segments) ? n.segments.map(String) : []]),
  );
  const partner = (p: TiePartner): TiePartner => (placed.has(p.id) ? { ...p, local: true, inProvince: true } : p);
  const partners = (list: TiePartner[]) => list.filter((p) => !removed.has(p.id)).map(partner);

  const out = new Map<string, FirmFacts>();
  for (const [id, f] of facts) {
    if (removed.has(id)) continue;
    const own = placed.get(id);
    out.set(id, {
      ...f,
      segments: own ?? f.segments,
      local: own ? true : f.local,
      leader: f.leader && !unled.has(id),
      suppliers: partners(f.suppliers),
      customers: partners(f.customers),
    });
  }
  // New firms (new:<n>) exist only in the scenario: no ties but the ones it assumes.
  for (const node of overlay.added.nodes) {
    if (out.has(node.id) || !node._labels.includes("Firm")) continue;
    out.set(node.id, { node, segments: placed.get(node.id) ?? [], local: true, leader: false, suppliers: [], customers: [] });
  }
  const asPartner = (id: string): TiePartner => {
    const f = out.get(id);
    return {
      id,
      name: typeof f?.node.name === "string" ? f.node.name : id,
      local: f?.local ?? false,
      inProvince: f?.local ?? false,
      segments: f?.segments ?? [],
    };
  };
  for (const tie of overlay.added.ties) {
    const seller = out.get(tie.from);
    const buyer = out.get(tie.to);
    if (buyer && !buyer.suppliers.some((s) => s.id === tie.from)) buyer.suppliers = [...buyer.suppliers, asPartner(tie.from)];
    if (seller && !seller.customers.some((c) => c.id === tie.to)) seller.customers = [...seller.customers, asPartner(tie.to)];
  }
  return out;
}
