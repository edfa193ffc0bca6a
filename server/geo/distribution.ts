import { centroidOf, type RegionNode, regionsUnder, type StoredArea } from "./areas.ts";

/** A firm, park or project as find-distribution-points returns it. */
export interface PointRow {
  id: string;
  kind: "Firm" | "Park" | "Project";
  name: string;
  nameEn: string | null;
  region: string;
  segment: string | null;
  segmentName: string | null;
  segmentNameEn: string | null;
  stage: string | null;
  lng: number | null;
  lat: number | null;
  status: string | null;
  tags: string[] | null;
  investmentYuan: number | null;
  sourceDocs: string[];
  sourceQuotes: string[];
}

export interface PlacedPoint {
  id: string;
  kind: "firm" | "park" | "project";
  name: string;
  nameEn?: string;
  region: string;
  regionName: string;
  segment?: string;
  segmentName?: string;
  segmentNameEn?: string;
  stage?: string;
  status?: string;
  tags: string[];
  investmentYuan?: number;
  sources: { doc: string; quote: string }[];
  /** WGS-84; absent in a schematic when the record states none. */
  lng?: number;
  lat?: number;
  /** True when the position is the region's centre, not the record's own coordinates. */
  approximate: boolean;
}

export interface Tile {
  region: string;
  name: string;
  nameEn?: string;
  total: number;
  counts: { segment: string; name: string; nameEn?: string; stage?: string; firms: number }[];
}

export interface DistributionModel {
  mode: "map" | "schematic";
  areas: (StoredArea & { name: string })[];
  points: PlacedPoint[];
  tiles: Tile[];
}

/**
 * Places every point: at its own lng/lat when it has them, else (with a boundary) at the centre
 * of its region's area or the nearest ancestor's that the file holds, marked approximate. With
 * no boundary, the schematic: the region's sub-regions as tiles with firm counts per segment.
 */
export function buildDistribution(rows: PointRow[], regions: RegionNode[], root: string, areas: StoredArea[] | null): DistributionModel {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const areaCentre = new Map<string, [number, number]>();
  for (const area of areas ?? []) if (area.region && !areaCentre.has(area.region)) areaCentre.set(area.region, centroidOf(area.geometry));
  const fallbackCentre = areas?.length ? centroidOf({ type: "MultiPolygon", coordinates: areas.flatMap(polygonsOf) }) : undefined;
  const centreFor = (region: string): [number, number] | undefined => {
    for (let id: string | undefined = region, depth = 0; id && depth < 8; id = byId.get(id)?.parent, depth++) {
      const centre = areaCentre.get(id);
      if (centre) return centre;
    }
    return fallbackCentre;
  };

  const points: PlacedPoint[] = [...rows]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((row) => {
      const own = typeof row.lng === "number" && typeof row.lat === "number" ? ([row.lng, row.lat] as [number, number]) : undefined;
      const placed = own ?? (areas ? centreFor(row.region) : undefined);
      const point: PlacedPoint = {
        id: row.id,
        kind: row.kind.toLowerCase() as PlacedPoint["kind"],
        name: row.name,
        region: row.region,
        regionName: byId.get(row.region)?.name ?? row.region,
        tags: row.tags ?? [],
        sources: row.sourceDocs.map((doc, i) => ({ doc, quote: row.sourceQuotes[i] ?? "" })),
        approximate: !own,
      };
      if (row.nameEn) point.nameEn = row.nameEn;
      if (row.segment) point.segment = row.segment;
      if (row.segmentName) point.segmentName = row.segmentName;
      if (row.segmentNameEn) point.segmentNameEn = row.segmentNameEn;
      if (row.stage) point.stage = row.stage;
      if (row.status) point.status = row.status;
      if (typeof row.investmentYuan === "number") point.investmentYuan = row.investmentYuan;
      if (placed) [point.lng, point.lat] = placed;
      return point;
    });

  if (areas) {
    const named = areas.map((a) => ({ ...a, name: a.region ? (byId.get(a.region)?.name ?? a.key) : a.key }));
    return { mode: "map", areas: named, points, tiles: [] };
  }
  return { mode: "schematic", areas: [], points, tiles: tilesOf(points, regions, root) };
}

function polygonsOf(area: StoredArea): number[][][][] {
  return area.geometry.type === "Polygon" ? [area.geometry.coordinates] : area.geometry.coordinates;
}

/** The root's direct sub-regions (and the root itself for what sits at its own level), each with firm counts per segment. */
function tilesOf(points: PlacedPoint[], regions: RegionNode[], root: string): Tile[] {
  const under = regionsUnder(regions, root);
  const byId = new Map(under.map((r) => [r.id, r]));
  const topOf = (region: string): string => {
    let id = region;
    for (let depth = 0; depth < 8; depth++) {
      const parent = byId.get(id)?.parent;
      if (!parent || id === root || parent === root) return id;
      id = parent;
    }
    return id;
  };
  const tiles = new Map<string, Tile>();
  for (const point of points.filter((p) => p.kind === "firm")) {
    const top = byId.has(point.region) ? topOf(point.region) : root;
    const region = byId.get(top);
    const tile = tiles.get(top) ?? { region: top, name: region?.name ?? top, total: 0, counts: [] };
    if (region?.nameEn) tile.nameEn = region.nameEn;
    tile.total += 1;
    const key = point.segment ?? "";
    const count = tile.counts.find((c) => c.segment === key);
    if (count) count.firms += 1;
    else {
      const entry: Tile["counts"][number] = { segment: key, name: point.segmentName ?? key, firms: 1 };
      if (point.segmentNameEn) entry.nameEn = point.segmentNameEn;
      if (point.stage) entry.stage = point.stage;
      tile.counts.push(entry);
    }
    tiles.set(top, tile);
  }
  for (const r of under.filter((r) => r.parent === root)) {
    if (!tiles.has(r.id)) tiles.set(r.id, { region: r.id, name: r.name, ...(r.nameEn ? { nameEn: r.nameEn } : {}), total: 0, counts: [] });
  }
  const stageRank = (s?: string) => ["upstream", "midstream", "downstream"].indexOf(s ?? "") + 1 || 9;
  return [...tiles.values()]
    .map((t) => ({
      ...t,
      counts: t.counts.sort((a, b) => stageRank(a.stage) - stageRank(b.stage) || b.firms - a.firms || a.segment.localeCompare(b.segment)),
    }))
    .sort((a, b) => Number(b.region === root) - Number(a.region === root) || b.total - a.total || a.region.localeCompare(b.region));
}
