import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature as topoFeature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { z } from "zod";
import { windForD3 } from "./areas.ts";
import { type CoordinateSystem, type Position, toWgs84 } from "./crs.ts";
import { findSelfIntersection } from "./self-intersection.ts";

/**
 * A planner's boundary file (GeoJSON or TopoJSON) checked and brought to WGS-84. Every refusal
 * names the problem in words a planner can act on; nothing here touches the database, so a
 * refused file leaves nothing behind.
 */
export const BOUNDARY_MAX_BYTES = 5 * 1024 * 1024;
export const BOUNDARY_MAX_VERTICES = 200_000;
export const BOUNDARY_MAX_FEATURES = 500;

export class BoundaryProblem extends Error {
  constructor(
    readonly status: 400 | 413 | 422,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface BoundaryFeature {
  /** The name or id the file gives the area (properties.regionId, id, name, 名称 …). */
  key: string;
  geometry: Polygon | MultiPolygon;
}

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const position = z.tuple([finite, finite]).rest(finite);
const ring = z.array(position).min(4, "a ring needs at least 4 positions (closed)");
const polygon = z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) });
const multiPolygon = z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) });
const geometry = z.discriminatedUnion("type", [polygon, multiPolygon], {
  error: "geometry must be a Polygon or MultiPolygon (region outlines, not points or lines)",
});
const namedCrs = z.object({ type: z.string(), properties: z.object({ name: z.string() }).passthrough() }).passthrough();
const geoFeature = z
  .object({
    type: z.literal("Feature"),
    id: z.union([z.string(), z.number()]).optional(),
    properties: z.record(z.string(), z.unknown()).nullable().optional(),
    geometry,
  })
  .passthrough();
const featureCollection = z
  .object({ type: z.literal("FeatureCollection"), crs: namedCrs.optional(), features: z.array(geoFeature).min(1, "holds no features") })
  .passthrough();

/** Names of CRS members that mean longitude/latitude degrees on a WGS-84-like datum. */
const DEGREE_CRS = /(CRS84|EPSG::?4326|EPSG::?4490|WGS ?84|CGCS ?2000)$/i;
/** China's longitude/latitude range, a little padded: coordinates outside it are not degrees of this country. */
const CHINA_BOX = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 };

const keyOf = (f: z.infer<typeof geoFeature>, index: number): string => {
  const p = f.properties ?? {};
  for (const k of ["regionId", "region", "id", "name", "NAME", "名称", "name_zh", "NAME_CHN"]) {
    const value = p[k];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return f.id !== undefined ? String(f.id) : `#${index + 1}`;
};

const NOT_GEOJSON =
  "data: not GeoJSON or TopoJSON: expected a FeatureCollection, Feature, Polygon, MultiPolygon or Topology / 不是 GeoJSON 或 TopoJSON";
const GEOJSON_TYPES = new Set(["FeatureCollection", "Feature", "Polygon", "MultiPolygon", "Topology"]);

function asFeatureCollection(data: unknown): unknown {
  const type = typeof data === "object" && data !== null ? (data as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || !GEOJSON_TYPES.has(type)) throw new BoundaryProblem(400, "data", NOT_GEOJSON);
  if (type === "Topology") {
    const topology = data as Topology;
    if (typeof topology.objects !== "object" || topology.objects === null || !Array.isArray(topology.arcs)) {
      throw new BoundaryProblem(400, "data", "data: a TopoJSON Topology needs objects and arcs");
    }
    try {
      const features = Object.values(topology.objects).flatMap((object) => {
        const converted = topoFeature(topology, object) as Feature | FeatureCollection;
        return converted.type === "FeatureCollection" ? converted.features : [converted];
      });
      return { type: "FeatureCollection", features };
    } catch {
      throw new BoundaryProblem(400, "data", "data: the TopoJSON could not be decoded (arcs or transform broken)");
    }
  }
  if (type === "Feature") return { type: "FeatureCollection", features: [data] };
  if (type === "Polygon" || type === "MultiPolygon") return { type: "FeatureCollection", features: [{ type: "Feature", geometry: data }] };
  return data;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `data.${issue.path.join(".")}` : "data";
  return `${where}: ${issue.message}`;
}

function rings(g: Polygon | MultiPolygon): Position[][] {
  return (g.type === "Polygon" ? g.coordinates : g.coordinates.flat()) as Position[][];
}

/** Checks a parsed upload and returns its areas in WGS-84, wound for d3-geo (areas.ts); throws BoundaryProblem naming the first problem. */
export function readBoundaryFile(data: unknown, system: CoordinateSystem, byteLength: number): BoundaryFeature[] {
  if (byteLength > BOUNDARY_MAX_BYTES) {
    throw new BoundaryProblem(
      413,
      "data",
      `data: the boundary file is ${(byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${BOUNDARY_MAX_BYTES / 1024 / 1024} MB (simplify it, e.g. mapshaper -simplify 10%) / 边界文件过大`,
    );
  }
  const parsed = featureCollection.safeParse(asFeatureCollection(data));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new BoundaryProblem(400, "data", first && first.path.length > 0 ? `${describeIssue(first)} / 边界文件格式不对` : NOT_GEOJSON);
  }
  const collection = parsed.data;
  if (collection.features.length > BOUNDARY_MAX_FEATURES) {
    throw new BoundaryProblem(413, "data", `data: ${collection.features.length} areas; at most ${BOUNDARY_MAX_FEATURES} / 区域过多`);
  }
  const crsName = collection.crs?.properties.name;
  if (crsName && !DEGREE_CRS.test(crsName)) {
    throw new BoundaryProblem(
      422,
      "data.crs",
      `data.crs: the file says its coordinates are in ${crsName}; upload longitude/latitude degrees in WGS-84 or GCJ-02 (re-project it first) / 坐标系不是经纬度`,
    );
  }
  let vertices = 0;
  for (const f of collection.features) for (const r of rings(f.geometry)) vertices += r.length;
  if (vertices > BOUNDARY_MAX_VERTICES) {
    throw new BoundaryProblem(
      413,
      "data",
      `data: ${vertices} vertices; at most ${BOUNDARY_MAX_VERTICES} (simplify the outlines) / 顶点过多`,
    );
  }
  const convert = toWgs84(system);
  return collection.features.map((f, index) => {
    const key = keyOf(f, index);
    for (const r of rings(f.geometry)) {
      for (const [lng, lat] of r) {
        if (lng < CHINA_BOX.minLng || lng > CHINA_BOX.maxLng || lat < CHINA_BOX.minLat || lat > CHINA_BOX.maxLat) {
          throw new BoundaryProblem(
            422,
            "data",
            `data: area "${key}" has the point [${lng}, ${lat}], outside China's longitude/latitude range: the file is in another coordinate system (metres?) or has longitude and latitude swapped / 坐标不是中国范围内的经纬度`,
          );
        }
      }
      const first = r[0] as Position;
      const last = r[r.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        throw new BoundaryProblem(400, "data", `data: area "${key}" has a ring that does not end where it starts / 边界未闭合`);
      }
      const crossing = findSelfIntersection(r);
      if (crossing) {
        throw new BoundaryProblem(
          422,
          "data",
          `data: area "${key}" crosses itself near [${crossing[0].toFixed(5)}, ${crossing[1].toFixed(5)}]; fix the outline (e.g. mapshaper -clean) / 边界自相交`,
        );
      }
    }
    const mapRing = (r: Position[]) => r.map((p) => convert([p[0], p[1]]));
    const converted: Polygon | MultiPolygon =
      f.geometry.type === "Polygon"
        ? { type: "Polygon", coordinates: (f.geometry.coordinates as Position[][]).map(mapRing) }
        : { type: "MultiPolygon", coordinates: (f.geometry.coordinates as Position[][][]).map((p) => p.map(mapRing)) };
    return { key, geometry: windForD3(converted) };
  });
}
