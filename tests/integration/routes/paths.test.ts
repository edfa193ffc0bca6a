import { describe, expect, it } from "vitest";
import { elementsSchema } from "../../../model/api/elements.ts";
import { exploreFixture, useFixtureApp } from "./explore-fixture.ts";

const fixture = exploreFixture("t-explore-paths");
const { ids } = fixture;
const live = useFixtureApp(fixture);

type Paths = {
  paths: { nodeIds: string[]; edgeIds: string[] }[];
  elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] };
};
async function paths(query: string): Promise<Paths> {
  const res = await live.app.inject({ url: `/api/paths?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(elementsSchema.safeParse(body.elements).success).toBe(true);
  return body;
}

describe("GET /api/paths", () => {
  it("returns every shortest path with its nodes and edges, and all of them as elements", async () => {
    const body = await paths(`from=${ids.a}&to=${ids.c}`);
    expect(body.paths.map((p) => p.nodeIds).sort()).toEqual(
      [
        [ids.a, ids.b, ids.c],
        [ids.a, ids.d, ids.c],
      ].sort(),
    );
    for (const path of body.paths) {
      expect(path.edgeIds).toHaveLength(2);
      expect(path.edgeIds[0]).toBe(`${ids.a}|SUPPLIES|${path.nodeIds[1]}`);
    }
    expect(new Set(body.elements.nodes.map((n) => n.data.id))).toEqual(new Set([ids.a, ids.b, ids.c, ids.d]));
    expect(new Set(body.elements.edges.map((e) => e.data.id))).toEqual(new Set(body.paths.flatMap((p) => p.edgeIds)));
  });

  it("walks relationships in either direction", async () => {
    const body = await paths(`from=${ids.c}&to=${ids.fund}`);
    expect(body.paths.map((p) => p.nodeIds[2])).toEqual(expect.arrayContaining([ids.a]));
    expect(body.paths.every((p) => p.nodeIds.length === 4)).toBe(true);
  });

  it("honours limit and maxHops", async () => {
    expect((await paths(`from=${ids.a}&to=${ids.c}&limit=1`)).paths).toHaveLength(1);
    expect((await paths(`from=${ids.a}&to=${ids.e3}`)).paths, "5 hops is beyond the default 4").toEqual([]);
    const far = await paths(`from=${ids.a}&to=${ids.e3}&maxHops=5`);
    expect(far.paths).toHaveLength(2);
    expect(far.paths.every((p) => p.edgeIds.length === 5)).toBe(true);
  });

  it("does not connect things through a figure (a number about a region is not a tie)", async () => {
    expect((await paths(`from=${ids.a}&to=${ids.district}&maxHops=6`)).paths).toEqual([]);
  });

  it("finds the demo chain leader's way to its city", async () => {
    const body = await paths("from=firm:nice-group&to=region:lishui");
    expect(body.paths[0]?.nodeIds).toEqual(["firm:nice-group", "region:lianzhou", "region:lishui"]);
  });

  it("is 404 naming an unknown end", async () => {
    const res = await live.app.inject({ url: `/api/paths?from=${ids.a}&to=firm:t-explore-paths-nobody` });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain("firm:t-explore-paths-nobody");
    const from = await live.app.inject({ url: `/api/paths?from=firm:t-explore-paths-nobody&to=${ids.a}` });
    expect(from.statusCode).toBe(404);
    expect(from.json().message).toContain("from");
  });

  it.each([
    ["from=firm:x&to=firm:x", "to"],
    ["from=firm:x", "to"],
    ["from=firm:x&to=firm:y&maxHops=7", "maxHops"],
    ["from=firm:x&to=firm:y&maxHops=0", "maxHops"],
    ["from=firm:x&to=firm:y&limit=11", "limit"],
    ["from=FIRM X&to=firm:y", "from"],
  ])("%s → 400 naming %s", async (query, field) => {
    const res = await live.app.inject({ url: `/api/paths?${encodeURI(query)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(`querystring.${field}`);
  });
});
