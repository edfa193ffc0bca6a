import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_SEED_DIR, seedFromDir } from "../../../server/seed/demo-seed.ts";
import { SeedValidationError } from "../../../server/seed/read-seed-dir.ts";
import { testGraph } from "../../helpers/graph.ts";
import { graphChecksum } from "../../helpers/graph-checksum.ts";

const graph = testGraph();
afterAll(() => graph.driver.close());

async function fact(cypher: string, params: Record<string, unknown>) {
  const rows = await graph.runRaw(cypher, params);
  expect(rows, cypher).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
}

describe("the demo seed loader", () => {
  it("is idempotent: a second run creates nothing and changes no property", async () => {
    const before = await graphChecksum(graph);
    const counts = await seedFromDir(graph);
    expect(counts.nodesCreated).toBe(0);
    expect(counts.relationshipsCreated).toBe(0);
    expect(await graphChecksum(graph)).toEqual(before);
    expect(before.nodes).toBeGreaterThan(200);
  });

  it("refuses bad files naming file, record and field, and writes nothing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "bad-seed-"));
    try {
      await cp(DEMO_SEED_DIR, dir, { recursive: true });
      const firms = JSON.parse(await readFile(path.join(dir, "firms.json"), "utf8"));
      firms[1].id = "Firm With Spaces";
      firms.push({ id: "firm:new-but-unsourced", name: "无来源企业" });
      await writeFile(path.join(dir, "firms.json"), JSON.stringify(firms));
      const relations = JSON.parse(await readFile(path.join(dir, "relations.json"), "utf8"));
      relations.push({ type: "SUPPLIES", from: "firm:nice-group", to: "firm:ghost", assumption: "test of a dangling reference" });
      await writeFile(path.join(dir, "relations.json"), JSON.stringify(relations));

      const before = await graphChecksum(graph);
      const error = await seedFromDir(graph, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedValidationError);
      const problems = (error as SeedValidationError).problems;
      expect(problems).toContainEqual(expect.objectContaining({ file: "firms.json", record: 1, field: "id" }));
      expect(problems).toContainEqual(
        expect.objectContaining({ file: "firms.json", recordId: "firm:new-but-unsourced", field: "sources" }),
      );
      expect(problems).toContainEqual(
        expect.objectContaining({ file: "relations.json", field: "to", message: 'refers to unknown id "firm:ghost"' }),
      );
      expect((error as Error).message).toMatch(/nothing written/);
      expect(await graphChecksum(graph)).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("document facts read back with the sentence that states them", () => {
  it("a fund's size", async () => {
    const row = await fact("MATCH (f:Fund {id: $id}) RETURN f.sizeYuan AS size, f.sourceQuotes AS quotes, f.sourceDocs AS docs", {
      id: "fund:lishui-beauty-health-equity",
    });
    expect(row.size).toBe(500000000);
    expect((row.quotes as string[]).join()).toContain("丽水美丽健康产业股权投资基金(5亿元)");
    expect(row.docs).toContain("doc:lianzhou-beauty-health-2024");
  });

  it("a firm's chain-leader role in a region", async () => {
    const row = await fact(
      "MATCH (:Firm {id: 'firm:nice-group'})-[l:LEADS]->(:Chain {id: 'chain:beauty-health'}) RETURN l.region AS region, l.sourceQuotes AS quotes",
      {},
    );
    expect(row.region).toBe("region:lianzhou");
    expect((row.quotes as string[]).join()).toContain("链主型");
  });

  it("an enclave's home district and host city", async () => {
    const row = await fact(
      "MATCH (e:Region {id: $id})-[h:ENCLAVE_OF]->(home:Region) MATCH (e)-[:LOCATED_IN]->(host:Region) RETURN home.id AS home, host.id AS host, h.sourceQuotes AS quotes",
      { id: "region:lianzhou-shenzhen-enclave" },
    );
    expect(row).toMatchObject({ home: "region:lianzhou", host: "region:shenzhen" });
    expect((row.quotes as string[]).join()).toContain("研发在飞楼,制造在莲都");
  });

  it("a park's area, with the cited document's date", async () => {
    const row = await fact(
      "MATCH (p:Park {id: $id}) MATCH (d:Document {id: p.sourceDocs[0]}) RETURN p.areaMu AS area, p.sourceQuotes[0] AS quote, d.date AS date",
      { id: "park:sanjiangkou-bh-pilot-zone" },
    );
    expect(row.area).toBe(6733);
    expect(row.quote).toContain("6733亩");
    expect(row.date).toMatch(/^20\d\d/);
  });
});
