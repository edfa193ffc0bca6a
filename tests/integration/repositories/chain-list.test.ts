import { afterAll, describe, expect, it } from "vitest";
import { refreshChainStats } from "../../../server/repositories/chain-stats.ts";
import { listChains } from "../../../server/repositories/chains.ts";
import { testGraph } from "../../helpers/graph.ts";

const graph = testGraph();
const CHAIN = "chain:t-list";
const cleanUp = () =>
  graph.runRaw(
    "MATCH (n:Entity) WHERE n.id IN ['chain:t-list', 'segment:t-list', 'firm:t-list', 'region:t-list-city', 'region:t-list-district'] DETACH DELETE n WITH count(*) AS gone MATCH (s:ChainStats {chain: 'chain:t-list'}) DELETE s",
  );

afterAll(async () => {
  await cleanUp();
  await refreshChainStats(graph);
  await graph.driver.close();
});

const regionsOf = async (id: string) => (await listChains(graph)).find((c) => c.id === id)?.regions;

describe("the chain list, read from the per-chain stats", () => {
  it("shows a chain at once, its firms' regions (and the regions above) from the stats refreshed on write", async () => {
    await graph.runRaw(`
      CREATE (c:Entity:Chain {id: '${CHAIN}', name: '列表测试链'})
      CREATE (s:Entity:Segment {id: 'segment:t-list', name: '测试环节', stage: 'upstream'})-[:SEGMENT_OF]->(c)
      CREATE (city:Entity:Region {id: 'region:t-list-city', name: '测试市', kind: 'city'})
      CREATE (d:Entity:Region {id: 'region:t-list-district', name: '测试区', kind: 'district'})-[:PART_OF]->(city)
      CREATE (f:Entity:Firm {id: 'firm:t-list', name: '测试企业'})-[:IN_SEGMENT]->(s)
      CREATE (f)-[:LOCATED_IN]->(d)`);
    // No stats yet for this chain: the list computes it live, so a chain written by hand still shows right.
    expect(await regionsOf(CHAIN)).toEqual(["region:t-list-city", "region:t-list-district"]);

    await refreshChainStats(graph);
    const [stats] = await graph.runRaw(`MATCH (s:ChainStats {chain: '${CHAIN}'}) RETURN s.firmRegions AS regions, s.counts AS counts`);
    expect(stats?.regions).toEqual(expect.arrayContaining(["region:t-list-city", "region:t-list-district"]));
    expect(stats?.counts).toEqual([1]);

    // The list now reads the stats, not the firms: a firm moved without a refresh is not seen
    // (every app write path refreshes; this proves which source the list reads).
    await graph.runRaw("MATCH (:Entity {id: 'firm:t-list'})-[l:LOCATED_IN]->() DELETE l");
    expect(await regionsOf(CHAIN)).toEqual(["region:t-list-city", "region:t-list-district"]);
    await refreshChainStats(graph);
    expect(await regionsOf(CHAIN)).toEqual([]);
  });
});
