import { describe, expect, it } from "vitest";
import { elementsSchema } from "../../../model/api/elements.ts";
import { exploreFixture, useFixtureApp } from "./explore-fixture.ts";

const fixture = exploreFixture("t-explore-chains");
const { ids } = fixture;
const live = useFixtureApp(fixture);

describe("GET /api/chains", () => {
  it("lists each chain with the regions that develop it or hold its firms (and the regions above them)", async () => {
    const res = await live.app.inject({ url: "/api/chains" });
    expect(res.statusCode).toBe(200);
    const chains = res.json().chains as { id: string; regions: string[] }[];
    expect(chains.find((c) => c.id === ids.chain)).toEqual({
      id: ids.chain,
      name: "探索测试产业链",
      nameEn: "Xplorer Chain",
      regions: [ids.city, ids.district].sort(),
    });
    expect(chains.find((c) => c.id === "chain:beauty-health")?.regions).toContain("region:lianzhou");
  });
});

describe("GET /api/chains/:id", () => {
  it("gives segments upstream to downstream with parents and assumptions, the expected flows and elements", async () => {
    const res = await live.app.inject({ url: `/api/chains/${ids.chain}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.chain).toEqual({ id: ids.chain, name: "探索测试产业链", nameEn: "Xplorer Chain" });
    expect(body.segments.map((s: { id: string }) => s.id)).toEqual([ids.up, ids.mid, ids.sub, ids.down]);
    expect(body.segments.find((s: { id: string }) => s.id === ids.sub)).toEqual({
      id: ids.sub,
      name: "探索精密制造",
      stage: "midstream",
      parent: ids.mid,
    });
    expect(body.segments.find((s: { id: string }) => s.id === ids.mid).assumption).toBe("文件只隐含了这一环节");
    expect(body.flows).toEqual(
      expect.arrayContaining([
        { from: ids.up, to: ids.mid },
        { from: ids.mid, to: ids.down },
      ]),
    );
    expect(body.flows).toHaveLength(2);
    expect(elementsSchema.safeParse(body.elements).success).toBe(true);
    expect(body.elements.nodes).toHaveLength(5);
    expect(body.elements.edges.map((e: { data: { type: string } }) => e.data.type).sort()).toEqual(
      ["FEEDS", "FEEDS", "SEGMENT_OF", "SEGMENT_OF", "SEGMENT_OF", "SUB_SEGMENT_OF"].sort(),
    );
  });

  it("gives the demo beauty & health chain its segments", async () => {
    const body = (await live.app.inject({ url: "/api/chains/chain:beauty-health" })).json();
    expect(body.segments.length).toBeGreaterThan(3);
    expect(new Set(body.segments.map((s: { stage: string }) => s.stage))).toEqual(new Set(["upstream", "midstream", "downstream"]));
  });

  it("is 404 for an unknown chain or an id that is not a chain, 400 for a malformed id", async () => {
    for (const id of ["chain:t-explore-chains-nothing", ids.a]) {
      const res = await live.app.inject({ url: `/api/chains/${id}` });
      expect(res.statusCode, id).toBe(404);
      expect(res.json().message).toContain(id);
    }
    expect((await live.app.inject({ url: "/api/chains/chain%3AUPPER" })).statusCode).toBe(400);
  });
});
