import { describe, expect, it } from "vitest";
import { BOUNDARY_MAX_BYTES, BoundaryProblem, readBoundaryFile } from "../../../server/geo/boundary-file.ts";
import { gcj02ToWgs84, wgs84ToGcj02 } from "../../../server/geo/crs.ts";
import { findSelfIntersection } from "../../../server/geo/self-intersection.ts";
import { BOW_TIE, feature, lianzhouCollection, MERCATOR_RING, square } from "../../helpers/boundary-fixtures.ts";

const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof BoundaryProblem) return error;
    throw error;
  }
  throw new Error("expected a BoundaryProblem");
};

describe("coordinate systems", () => {
  it("moves a 丽水 point by a few hundred metres into GCJ-02 and back to within a millimetre", () => {
    const wgs: [number, number] = [119.92, 28.45];
    const gcj = wgs84ToGcj02(wgs);
    const shift = Math.hypot(gcj[0] - wgs[0], gcj[1] - wgs[1]);
    expect(shift).toBeGreaterThan(0.001);
    expect(shift).toBeLessThan(0.01);
    const back = gcj02ToWgs84(gcj);
    expect(Math.abs(back[0] - wgs[0])).toBeLessThan(1e-8);
    expect(Math.abs(back[1] - wgs[1])).toBeLessThan(1e-8);
  });

  it("leaves points outside China alone", () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});

describe("self-intersection", () => {
  it("finds the crossing of a bow-tie and none in a square", () => {
    const crossing = findSelfIntersection(BOW_TIE as [number, number][]);
    expect(crossing?.[0]).toBeCloseTo(119.9, 6);
    expect(crossing?.[1]).toBeCloseTo(28.4, 6);
    expect(findSelfIntersection(square(119.9, 28.4, 0.1) as [number, number][])).toBeNull();
  });
});

describe("readBoundaryFile", () => {
  it("keeps each area's name and converts GCJ-02 to WGS-84", () => {
    const areas = readBoundaryFile(lianzhouCollection(), "GCJ-02", 1000);
    expect(areas.map((a) => a.key)).toEqual(["莲都区", "碧湖镇", "某未知片区"]);
    const ring = (areas[0]?.geometry.coordinates[0] ?? []) as number[][];
    const first = ring[0] as [number, number];
    const uploaded = square(119.9, 28.45, 0.15)[0] as [number, number];
    const roundTrip = wgs84ToGcj02(first);
    expect(roundTrip[0]).toBeCloseTo(uploaded[0], 7);
    expect(roundTrip[1]).toBeCloseTo(uploaded[1], 7);
    expect(first[0]).not.toBeCloseTo(uploaded[0], 3);
  });

  it("reads TopoJSON into the same areas", () => {
    const topology = {
      type: "Topology",
      objects: { towns: { type: "GeometryCollection", geometries: [{ type: "Polygon", arcs: [[0]], properties: { name: "碧湖镇" } }] } },
      arcs: [square(119.8, 28.35, 0.04)],
    };
    const areas = readBoundaryFile(topology, "WGS-84", 500);
    expect(areas).toHaveLength(1);
    expect(areas[0]?.key).toBe("碧湖镇");
  });

  it.each([
    ["not GeoJSON", { foo: 1 }, 400, /not GeoJSON or TopoJSON/],
    ["a bare string", "hello", 400, /not GeoJSON or TopoJSON/],
    [
      "points instead of outlines",
      { type: "Feature", geometry: { type: "Point", coordinates: [119.9, 28.4] } },
      400,
      /Polygon or MultiPolygon/,
    ],
    [
      "an open ring",
      {
        type: "Feature",
        geometry: {
          type: "Polygon",
          coordinates: [
            square(119.9, 28.4, 0.1)
              .slice(0, 4)
              .concat([[119.95, 28.45]]),
          ],
        },
      },
      400,
      /does not end where it starts/,
    ],
    [
      "a self-intersecting outline",
      { type: "FeatureCollection", features: [feature("莲都区", BOW_TIE)] },
      422,
      /"莲都区" crosses itself near \[119\.9/,
    ],
    [
      "a projected CRS member",
      {
        type: "FeatureCollection",
        crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3857" } },
        features: [feature("x", square(119.9, 28.4, 0.1))],
      },
      422,
      /EPSG::3857.*WGS-84 or GCJ-02/,
    ],
    [
      "metres without a CRS member",
      { type: "FeatureCollection", features: [feature("x", MERCATOR_RING)] },
      422,
      /outside China's longitude\/latitude range/,
    ],
    ["latitude and longitude swapped", { type: "FeatureCollection", features: [feature("x", square(28.4, 119.9, 0.1))] }, 422, /swapped/],
  ])("refuses %s with a message naming the problem", (_label, data, status, message) => {
    const refused = problem(() => readBoundaryFile(data, "WGS-84", 1000));
    expect(refused.status).toBe(status);
    expect(refused.message).toMatch(message);
    expect(refused.field.startsWith("data")).toBe(true);
  });

  it("refuses a file over the size limit before reading it", () => {
    const refused = problem(() => readBoundaryFile(lianzhouCollection(), "WGS-84", BOUNDARY_MAX_BYTES + 1));
    expect(refused.status).toBe(413);
    expect(refused.message).toMatch(/limit is 5 MB/);
  });
});
