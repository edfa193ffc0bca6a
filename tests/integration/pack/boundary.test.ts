import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import type { Graph } from "../../../server/db/graph.ts";
import { wgs84ToGcj02 } from "../../../server/geo/crs.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { BOW_TIE, feature, hugeCollection, lianzhouCollection, MERCATOR_RING, square } from "../../helpers/boundary-fixtures.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

const APPROVAL = "测试S(2026)001号";
const CHAIN = "chain:beauty-health";
// The firm given its own coordinates for this file (and cleared again afterwards).
const PLACED_FIRM = "firm:nice-group";

let app: App;
let graph: Graph;
beforeAll(async () => {
  app = await testApp({ security: testSecurity() });
  graph = testGraph();
  await graph.runRaw("MATCH (b:Boundary) WHERE b.region IN ['region:lianzhou', 'region:lishui'] DETACH DELETE b");
});
afterAll(async () => {
  await graph.runRaw("MATCH (b:Boundary) WHERE b.region IN ['region:lianzhou', 'region:lishui'] DETACH DELETE b");
  await graph.runRaw("MATCH (f:Firm {id: $id}) REMOVE f.lng, f.lat", { id: PLACED_FIRM });
  await app.close();
  await graph.driver.close();
});

const upload = (region: string, body: unknown, role: "admin" | "editor" | "viewer" | null = "admin") =>
  app.inject({ method: "POST", url: `/api/regions/${region}/boundary`, payload: body as object, headers: role ? bearer(role) : {} });

const boundaryCount = async () => Number((await graph.runRaw("MATCH (b:Boundary) RETURN count(b) AS n"))[0]?.n ?? 0);

describe("boundary upload round trip", () => {
  it("is for administrators only", async () => {
    const body = { crs: "WGS-84", approvalNumber: APPROVAL, data: lianzhouCollection() };
    expect((await upload("region:lianzhou", body, null)).statusCode).toBe(401);
    expect((await upload("region:lianzhou", body, "editor")).statusCode).toBe(403);
  });

  it("stores a GCJ-02 file in WGS-84, names the areas it matched and lists the one it did not", async () => {
    const res = await upload("region:lianzhou", { crs: "GCJ-02", approvalNumber: APPROVAL, data: lianzhouCollection() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      region: "region:lianzhou",
      areaCount: 3,
      matched: [
        { key: "莲都区", region: "region:lianzhou" },
        { key: "碧湖镇", region: "region:bihu-town" },
      ],
      unmatched: ["某未知片区"],
    });

    const stored = await app.inject({ url: "/api/regions/region:lianzhou/boundary" });
    expect(stored.statusCode).toBe(200);
    const boundary = stored.json();
    expect(boundary).toMatchObject({ region: "region:lianzhou", approvalNumber: APPROVAL, sourceCrs: "GCJ-02", areaCount: 3 });
    // Stored in WGS-84: converting back gives the uploaded corners; no corner is the uploaded one.
    const uploadedCorners = square(119.9, 28.45, 0.15).slice(0, 4);
    const storedCorners = (boundary.areas[0].geometry.coordinates[0] as [number, number][]).slice(0, 4);
    for (const corner of storedCorners) {
      const back = wgs84ToGcj02(corner);
      expect(uploadedCorners.some(([x, y]) => Math.abs(back[0] - (x as number)) < 1e-7 && Math.abs(back[1] - (y as number)) < 1e-7)).toBe(
        true,
      );
      expect(uploadedCorners.some(([x, y]) => x === corner[0] && y === corner[1])).toBe(false);
    }
    // A town under the district draws its ancestor's file.
    expect((await app.inject({ url: "/api/regions/region:bihu-town/boundary" })).json().region).toBe("region:lianzhou");
  });

  it("places firms by their own coordinates, the rest at their region's centre marked approximate", async () => {
    await graph.runRaw("MATCH (f:Firm {id: $id}) SET f.lng = 119.93, f.lat = 28.47", { id: PLACED_FIRM });
    const res = await app.inject({ url: `/api/chains/${CHAIN}/distribution?region=region:lianzhou` });
    expect(res.statusCode, res.body).toBe(200);
    const distribution = res.json();
    expect(distribution.mode).toBe("map");
    expect(distribution.boundary.approvalNumber).toBe(APPROVAL);
    const placed = distribution.points.find((p: { id: string }) => p.id === PLACED_FIRM);
    expect(placed).toMatchObject({ lng: 119.93, lat: 28.47, approximate: false });
    const others = distribution.points.filter((p: { id: string }) => p.id !== PLACED_FIRM);
    expect(others.length).toBeGreaterThan(0);
    for (const point of others) {
      expect(point.approximate, point.id).toBe(true);
      expect(point.lng, point.id).toBeGreaterThan(119.7);
      expect(point.lng, point.id).toBeLessThan(120.1);
    }
  });

  it("draws the 区域分布图 on the boundary with the 审图号 on every picture of the pack", async () => {
    const svg = await app.inject({ url: `/api/chains/${CHAIN}/distribution.svg?region=region:lianzhou` });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers["content-type"]).toContain("image/svg+xml");
    expect(svg.body).toContain(`审图号：${APPROVAL}`);
    expect(svg.body).toContain('data-region-id="region:bihu-town"');
    expect(svg.body).toContain(`data-node-id="${PLACED_FIRM}"`);

    const pack = await app.inject({ url: `/api/chains/${CHAIN}/pack?region=region:lianzhou` });
    expect(pack.statusCode).toBe(200);
    const files = unzipSync(pack.rawPayload);
    for (const name of ["产业链图.svg", "区域分布图.svg", "招商路线图.svg"]) {
      expect(new TextDecoder().decode(files[name]), name).toContain(`审图号：${APPROVAL}`);
    }
    expect(new TextDecoder().decode(files["README.txt"])).toContain(APPROVAL);
  });

  it("falls back to the schematic once the boundary is removed", async () => {
    expect(
      (await app.inject({ method: "DELETE", url: "/api/regions/region:lianzhou/boundary", headers: bearer("admin") })).statusCode,
    ).toBe(200);
    expect((await app.inject({ url: "/api/regions/region:lianzhou/boundary" })).statusCode).toBe(404);
    const distribution = (await app.inject({ url: `/api/chains/${CHAIN}/distribution?region=region:lianzhou` })).json();
    expect(distribution.mode).toBe("schematic");
    expect(distribution.tiles.map((t: { region: string }) => t.region)).toContain("region:bihu-town");
  });
});

describe("hostile boundary files", () => {
  const cases: [string, unknown, number, RegExp][] = [
    ["huge (over 5 MB)", hugeCollection(6 * 1024 * 1024), 413, /the limit is 5 MB/],
    ["self-intersecting", { type: "FeatureCollection", features: [feature("丽水市", BOW_TIE)] }, 422, /"丽水市" crosses itself/],
    [
      "in a projected CRS",
      { type: "FeatureCollection", crs: { type: "name", properties: { name: "EPSG:3857" } }, features: [feature("丽水市", MERCATOR_RING)] },
      422,
      /EPSG:3857.*WGS-84 or GCJ-02/,
    ],
    [
      "in metres without saying so",
      { type: "FeatureCollection", features: [feature("丽水市", MERCATOR_RING)] },
      422,
      /outside China's longitude\/latitude range/,
    ],
    ["not GeoJSON", { hello: "world" }, 400, /not GeoJSON or TopoJSON/],
    ["a GeoJSON point", { type: "Point", coordinates: [119.9, 28.4] }, 400, /not GeoJSON or TopoJSON/],
  ];

  it.each(cases)("refuses a file %s with a 4xx naming the problem and stores nothing", async (_label, data, status, message) => {
    const before = await boundaryCount();
    const res = await upload("region:lishui", { crs: "WGS-84", approvalNumber: APPROVAL, data });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    expect(res.json().message).toMatch(message);
    expect(res.json().fields?.[0]?.field).toMatch(/^data/);
    expect(await boundaryCount()).toBe(before);
    expect((await app.inject({ url: "/api/regions/region:lishui/boundary" })).statusCode).toBe(404);
  });

  it("refuses a missing 审图号 or an unknown coordinate system, naming the field", async () => {
    const noApproval = await upload("region:lishui", { crs: "WGS-84", data: lianzhouCollection() });
    expect(noApproval.statusCode).toBe(400);
    expect(noApproval.json().message).toContain("approvalNumber");
    const badCrs = await upload("region:lishui", { crs: "BD-09", approvalNumber: APPROVAL, data: lianzhouCollection() });
    expect(badCrs.statusCode).toBe(400);
    expect(badCrs.json().message).toContain("crs");
    expect(await boundaryCount()).toBe(0);
  });

  it("answers 404 for an unknown region and stores nothing", async () => {
    const res = await upload("region:nowhere", { crs: "WGS-84", approvalNumber: APPROVAL, data: lianzhouCollection() });
    expect(res.statusCode).toBe(404);
    expect(await boundaryCount()).toBe(0);
  });
});
