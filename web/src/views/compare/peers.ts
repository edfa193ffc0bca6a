import type { Chain, Region } from "../../../../model/api/explore.ts";

/** Administrative level: 区 and 县 (and 县级市) are one level in China, so they compare as peers. */
const LEVEL: Record<string, number> = { country: 0, province: 1, city: 2, district: 3, county: 3, town: 4 };

function level(region: Region): string {
  return region.kind in LEVEL ? String(LEVEL[region.kind]) : region.kind;
}

export const MAX_COMPARED = 8;

/**
 * The regions a comparison starts with: the anchor (the region the planner came from, else the
 * chain's first) and the regions at its administrative level that have the chain — siblings under
 * the same parent first, then the rest — never its own parents or children, whose rows would only
 * repeat its numbers. Pure, so the rule is tested without a browser.
 */
export function peerRegions(chain: Chain, regions: Region[], anchorId: string | undefined): string[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const withChain = chain.regions.map((id) => byId.get(id)).filter((r): r is Region => r !== undefined);
  const anchor = (anchorId ? byId.get(anchorId) : undefined) ?? withChain.find((r) => r.kind !== "enclave") ?? withChain[0];
  if (!anchor) return [];
  const peers = withChain
    .filter((r) => r.id !== anchor.id && level(r) === level(anchor))
    .sort((a, b) => Number(b.parent === anchor.parent) - Number(a.parent === anchor.parent) || a.id.localeCompare(b.id));
  return [anchor.id, ...peers.map((r) => r.id)].slice(0, MAX_COMPARED);
}
