import { describe, expect, it } from "vitest";
import { elementsSchema } from "../../../model/api/elements.ts";
import { exploreFixture, HUB_FIRMS, useFixtureApp } from "./explore-fixture.ts";

const fixture = exploreFixture("t-explore-nodes");
const { ids } = fixture;
const live = useFixtureApp(fixture);

type Elements = {
  nodes: { data: Record<string, unknown> & { id: string } }[];
  edges: { data: Record<string, unknown> & { id: string; source: string; target: string; type: string } }[];
};
async function neighbors(id: string, query = ""): Promise<{ elements: Elements; truncated: boolean }> {
  const res = await live.app.inject({ url: `/api/nodes/${id}/neighbors?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json();
  expect(elementsSchema.safeParse(body.elements).success, "elements match the shared schema").toBe(true);
  return body;
}
const nodeIds = (elements: Elements) => elements.nodes.map((n) => n.data.id);

describe("GET /api/nodes/:id", () => {
  it("returns the node, the documents its sources cite and its degree per relationship type", async () => {
    const res = await live.app.inject({ url: `/api/nodes/${ids.leader}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.node).toMatchObject({
      id: ids.leader,
      type: "firm",
      label: "探索链主集团",
      nameEn: "Xplorevia Leader Group",
      tags: ["龙头", "规上"],
    });
    expect(body.node.sources).toEqual([{ doc: ids.doc, quote: "关于探索链主集团的记载。" }]);
    expect(body.documents).toEqual([
      { id: ids.doc, title: "t-explore-nodes 测试报告", outlet: "测试日报", date: "2099-01-02", file: "t-explore-nodes.txt" },
    ]);
    expect(body.degree).toEqual({ LOCATED_IN: 1, LEADS: 1, IN_SEGMENT: 1 });
  });

  it("counts both directions on a hub", async () => {
    const body = (await live.app.inject({ url: `/api/nodes/${ids.district}` })).json();
    expect(body.degree).toEqual({ LOCATED_IN: HUB_FIRMS + 1, PART_OF: 1, ENCLAVE_OF: 1, DEVELOPS: 1, FIGURE_OF: 1 });
  });

  it("is 404 naming an unknown id and 400 for a malformed one", async () => {
    const missing = await live.app.inject({ url: "/api/nodes/firm:t-explore-nodes-nobody" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain("firm:t-explore-nodes-nobody");
    const malformed = await live.app.inject({ url: "/api/nodes/Not%20An%20Id" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain("id");
  });

  it("works on the demo chain leader", async () => {
    const body = (await live.app.inject({ url: "/api/nodes/firm:nice-group" })).json();
    expect(body.node.label).toBe("纳爱斯集团");
    expect(body.documents.length).toBeGreaterThan(0);
    expect(body.degree.LEADS).toBeGreaterThanOrEqual(1);
  });
});

describe("GET /api/nodes/:id/neighbors", () => {
  it("returns the centre first and every direct neighbour with the edges among them", async () => {
    const { elements, truncated } = await neighbors(ids.district);
    expect(truncated).toBe(false);
    expect(nodeIds(elements)[0]).toBe(ids.district);
    expect(new Set(nodeIds(elements))).toEqual(
      new Set([
        ids.district,
        ids.city,
        ids.enclave,
        ids.leader,
        ids.chain,
        ids.figure,
        ...Array.from({ length: HUB_FIRMS }, (_, i) => ids.hub(i + 1)),
      ]),
    );
    // Every edge touching the district, plus those among its neighbours: enclave→city, leader→chain.
    expect(elements.edges).toHaveLength(HUB_FIRMS + 5 + 2);
    expect(elements.edges.map((e) => e.data.id)).toEqual(
      expect.arrayContaining([`${ids.enclave}|LOCATED_IN|${ids.city}`, `${ids.leader}|LEADS|${ids.chain}|${ids.district}`]),
    );
    const shown = new Set(nodeIds(elements));
    for (const edge of elements.edges) expect(shown.has(edge.data.source) && shown.has(edge.data.target)).toBe(true);
  });

  it("caps the result at limit nodes (centre included) and says it was truncated", async () => {
    const total = HUB_FIRMS + 6;
    const exact = await neighbors(ids.district, `limit=${total}`);
    expect(exact.elements.nodes).toHaveLength(total);
    expect(exact.truncated).toBe(false);
    const cut = await neighbors(ids.district, `limit=${total - 1}`);
    expect(cut.elements.nodes).toHaveLength(total - 1);
    expect(cut.truncated).toBe(true);
    const tiny = await neighbors(ids.district, "limit=1");
    expect(nodeIds(tiny.elements)).toEqual([ids.district]);
    expect(tiny.truncated).toBe(true);
  });

  it("stays within limit when a hub lies two hops out", async () => {
    const { elements, truncated } = await neighbors(ids.leader, "depth=2&limit=5");
    expect(elements.nodes).toHaveLength(5);
    expect(truncated).toBe(true);
    expect(nodeIds(elements)[0]).toBe(ids.leader);
  });

  it("walks only the relationship types asked for, level by level", async () => {
    const one = await neighbors(ids.a, "relTypes=SUPPLIES");
    expect(new Set(nodeIds(one.elements))).toEqual(new Set([ids.a, ids.b, ids.d]));
    const two = await neighbors(ids.a, "relTypes=SUPPLIES&depth=2");
    expect(new Set(nodeIds(two.elements))).toEqual(new Set([ids.a, ids.b, ids.d, ids.c]));
    expect(two.elements.edges.map((e) => e.data.id).sort()).toEqual(
      [`${ids.a}|SUPPLIES|${ids.b}`, `${ids.a}|SUPPLIES|${ids.d}`, `${ids.b}|SUPPLIES|${ids.c}`, `${ids.d}|SUPPLIES|${ids.c}`].sort(),
    );
    const three = await neighbors(ids.a, "relTypes=SUPPLIES&depth=3");
    expect(new Set(nodeIds(three.elements))).toEqual(new Set([ids.a, ids.b, ids.d, ids.c, ids.e1]));
    expect(three.elements.edges.every((e) => e.data.type === "SUPPLIES")).toBe(true);
  });

  it("keeps only nodes of the types asked for, on the way too", async () => {
    const regions = await neighbors(ids.district, "types=region&depth=2");
    expect(new Set(nodeIds(regions.elements))).toEqual(new Set([ids.district, ids.city, ids.enclave]));
    const viaFund = await neighbors(ids.fund, "types=fund,firm&depth=2&relTypes=INVESTS_IN,SUPPLIES");
    expect(new Set(nodeIds(viaFund.elements))).toEqual(new Set([ids.fund, ids.a, ids.b, ids.d]));
  });

  it("refuses bad parameters before touching the database, naming them", async () => {
    for (const [query, field] of [
      ["depth=4", "depth"],
      ["depth=0", "depth"],
      ["relTypes=SUPPLIES,KNOWS", "relTypes"],
      ["types=firm,planet", "types"],
      ["limit=0", "limit"],
      ["limit=2001", "limit"],
    ]) {
      const res = await live.app.inject({ url: `/api/nodes/${ids.a}/neighbors?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().message, query).toContain(field);
    }
  });

  it("is 404 for an unknown centre", async () => {
    const res = await live.app.inject({ url: "/api/nodes/firm:t-explore-nodes-nobody/neighbors" });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain("firm:t-explore-nodes-nobody");
  });
});
