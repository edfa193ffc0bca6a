import type { Chain, Region } from "../../../../model/api/explore.ts";
import { regionRank } from "../../ui/pickers.ts";

export interface RegionChains {
  region: Region;
  chains: Chain[];
}

/**
 * The regions × chains the data develops (DEVELOPS), grouped by region: the most local regions
 * first (a district's planner is the reader), then those developing more chains, then by name.
 * Pure, so the overview and its unit test agree on the order.
 */
export function developedPairs(catalog: { regions: Region[]; chains: Chain[] }): RegionChains[] {
  const byRegion = new Map<string, Chain[]>();
  for (const chain of catalog.chains) {
    for (const id of chain.developedBy) byRegion.set(id, [...(byRegion.get(id) ?? []), chain]);
  }
  const regions = new Map(catalog.regions.map((r) => [r.id, r]));
  return [...byRegion.entries()]
    .filter(([id]) => regions.has(id))
    .map(([id, chains]) => ({ region: regions.get(id)!, chains: chains.sort((a, b) => a.id.localeCompare(b.id)) }))
    .sort(
      (a, b) => regionRank(a.region) - regionRank(b.region) || b.chains.length - a.chains.length || a.region.id.localeCompare(b.region.id),
    );
}
