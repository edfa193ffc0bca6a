import { afterAll, describe, expect, it } from "vitest";
import { CHAIN_LIST_TTL_MS, listChains } from "../../../server/repositories/chains.ts";
import { testGraph } from "../../helpers/graph.ts";

const graph = testGraph();
afterAll(async () => {
  await graph.runRaw("MATCH (c:Entity {id: 'chain:t-cache'}) DETACH DELETE c");
  await graph.driver.close();
});

describe("the chain list an app keeps", () => {
  it("answers from memory within the TTL and reads the database again after it", async () => {
    const start = Date.now();
    const first = await listChains(graph, start);
    await graph.runRaw("CREATE (:Entity:Chain {id: 'chain:t-cache', name: '缓存测试链'})");
    const within = await listChains(graph, start + CHAIN_LIST_TTL_MS - 1);
    expect(within).toBe(first);
    expect(within.map((c) => c.id)).not.toContain("chain:t-cache");
    const after = await listChains(graph, start + CHAIN_LIST_TTL_MS);
    expect(after.map((c) => c.id)).toContain("chain:t-cache");
  });
});
