import { afterAll, describe, expect, it } from "vitest";
import { testGraph } from "../../helpers/graph.ts";

const graph = testGraph();
afterAll(() => graph.driver.close());

describe("the test database", () => {
  it("is a real Neo4j 5.26 server", async () => {
    const rows = await graph.runRaw("CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS version");
    expect(rows[0]?.name).toBe("Neo4j Kernel");
    expect(String(rows[0]?.version)).toMatch(/^5\.26\./);
  });

  it("keeps what a write transaction commits and discards what a failed one wrote", async () => {
    const id = `firm:graph-test-${Date.now()}`;
    await graph.writeTransaction((tx) =>
      tx.runCounted("merge-entities", { label: "Firm", rows: [{ id, props: { id, name: "写入测试", aliasesText: "" } }] }),
    );
    const kept = await graph.runRaw("MATCH (n:Entity:Firm {id: $id}) RETURN n.name AS name", { id });
    expect(kept).toEqual([{ name: "写入测试" }]);

    const failedId = `${id}-rolled-back`;
    await expect(
      graph.writeTransaction(async (tx) => {
        await tx.runCounted("merge-entities", { label: "Firm", rows: [{ id: failedId, props: { id: failedId, name: "x" } }] });
        throw new Error("abort after the first statement");
      }),
    ).rejects.toThrow("abort");
    expect(await graph.runRaw("MATCH (n:Entity {id: $id}) RETURN n", { id: failedId })).toEqual([]);
    await graph.runRaw("MATCH (n:Entity {id: $id}) DETACH DELETE n", { id });
  });

  it("refuses a second entity with the same id (uniqueness constraint)", async () => {
    const id = `firm:dup-test-${Date.now()}`;
    await graph.runRaw("CREATE (:Entity:Firm {id: $id})", { id });
    await expect(graph.runRaw("CREATE (:Entity:Firm {id: $id})", { id })).rejects.toThrow(/already exists/);
    await graph.runRaw("MATCH (n:Entity {id: $id}) DETACH DELETE n", { id });
  });
});
