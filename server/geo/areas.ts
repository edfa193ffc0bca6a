import { geoArea, geoCentroid } from "d3-geo";
import type { MultiPolygon, Polygon } from "geojson";

/** One area of a stored boundary file, in WGS-84, matched to a region of the tree when its name or id says which. */
export interface StoredArea {
  key: string;
  region?: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * d3-geo draws a polygon as the inside of its rings on the sphere, clockwise; GeoJSON files
 * (RFC 7946) wind outer rings counter-clockwise, which d3 reads as "the whole globe minus this".
 * An area larger than a hemisphere is that mistake, so its rings are reversed.
 */
export function windForD3<G extends Polygon | MultiPolygon>(geometry: G): G {
  if (geoArea(geometry) <= 2 * Math.PI) return geometry;
  if (geometry.type === "Polygon") return { ...geometry, coordinates: geometry.coordinates.map((r) => [...r].reverse()) };
  return {
    ...geometry,
    coordinates: (geometry as MultiPolygon).coordinates.map((polygon) => polygon.map((r) => [...r].reverse())),
  } as G;
}

export function centroidOf(geometry: Polygon | MultiPolygon): [number, number] {
  const [lng, lat] = geoCentroid(geometry);
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

export interface RegionNode {
  id: string;
  name: string;
  nameEn?: string;
  parent?: string;
}

/** The region and every region under it (PART_OF), root first. */
export function regionsUnder(regions: RegionNode[], root: string): RegionNode[] {
  const children = new Map<string, RegionNode[]>();
  for (const r of regions) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const out: RegionNode[] = [];
  const start = regions.find((r) => r.id === root);
  const queue = start ? [start] : [];
  const seen = new Set<string>();
  while (queue.length) {
    const next = queue.shift() as RegionNode;
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    out.push(next);
    queue.push(...(children.get(next.id) ?? []));
  }
  return out;
}

/** Which region an area's key names: its id, name or English name, among the regions under the upload's root. */
export function matchAreaRegion(key: string, candidates: RegionNode[]): string | undefined {
  const k = key.trim().toLowerCase();
  return candidates.find((r) => r.id.toLowerCase() === k || r.name.toLowerCase() === k || r.nameEn?.toLowerCase() === k)?.id;
}
