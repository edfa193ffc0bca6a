import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticChecksum } from "../../../seeds/synthetic/checksum.ts";
import { generateSynthetic, SyntheticDataPresent } from "../../../seeds/synthetic/generate.ts";
import { removeSynthetic } from "../../../seeds/synthetic/remove.ts";
import { testGraph } from "../../helpers/graph.ts";

const graph = testGraph();
const FIRMS = 2_500;

/** Everything that is not synthetic, hashed: nodes with labels and properties, and their relationships. */
async function realDataFingerprint() {
  const rows = await graph.runRaw(
    // :ChainStats is bookkeeping rewritten (with a fresh stamp) by every load and removal, and so is
    // its :DataVersion mark (when and for which counts); what they count is the real data checked here.
    `MATCH (n) WHERE NOT n:Synthetic AND NOT n:ChainStats AND NOT n:DataVersion
     RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
            COLLECT { MATCH (n)-[r]->(m) RETURN type(r) + '>' + coalesce(m.id, '?') + ' ' + coalesce(r.key, '') } AS out
     ORDER BY id`,
  );
  const hash = createHash("sha256");
  for (const row of rows)
    hash.update(JSON.stringify([row.id, [...(row.labels as string[])].sort(), row.props, [...(row.out as string[])].sort()]));
  return { nodes: rows.length, sha256: hash.digest("hex") };
}

beforeAll(async () => {
  await removeSynthetic(graph);
});
afterAll(async () => {
  await removeSynthetic(graph);
  await graph.driver.close();
});

describe("the synthetic generator on a real Neo4j", () => {
  it("writes the same graph for the same seed, another for another seed, and removes it leaving real data as it was", async () => {
    const before = await realDataFingerprint();
    expect(before.nodes).toBeGreaterThan(0);

    const first = await generateSynthetic(graph, { seed: 42, firms: FIRMS, batchSize: 1_000 });
    expect(first.stats.nodes).toBeGreaterThan(FIRMS);
    expect(first.stats.relationships).toBeGreaterThan(FIRMS * 2);
    const sumA = await syntheticChecksum(graph);
    expect(sumA.nodes).toBe(first.stats.nodes);
    expect(sumA.relationships).toBe(first.stats.relationships);

    const removed = await removeSynthetic(graph, { batchSize: 700 });
    expect(removed.nodesDeleted).toBe(first.stats.nodes);
    expect(removed.relationshipsDeleted).toBe(first.stats.relationships);
    expect(await graph.readOne("count-synthetic")).toEqual({ nodes: 0, relationships: 0 });
    expect(await realDataFingerprint()).toEqual(before);

    // Another batch size and concurrency: the graph must not depend on how it was written.
    await generateSynthetic(graph, { seed: 42, firms: FIRMS, batchSize: 3_000, concurrency: 1 });
    const sumB = await syntheticChecksum(graph);
    expect(sumB).toEqual(sumA);
    await removeSynthetic(graph);

    await generateSynthetic(graph, { seed: 43, firms: FIRMS });
    const sumC = await syntheticChecksum(graph);
    expect(sumC.sha256).not.toBe(sumA.sha256);
    await removeSynthetic(graph);
    expect(await realDataFingerprint()).toEqual(before);
  });

  it("marks every generated node :Synthetic with a syn- id and synthetic provenance, and never ties it to real data", async () => {
    await generateSynthetic(graph, { seed: 7, firms: FIRMS });
    const [summary] = await graph.runRaw(
      `MATCH (n:Synthetic)
       RETURN count(n) AS nodes,
              count(CASE WHEN n:Entity AND n.id =~ '[a-z]+:syn-.*' THEN 1 END) AS wellNamed,
              count(CASE WHEN n.assumption = 'synthetic' AND n.sourceDocs IS NULL AND n.sourceQuotes IS NULL THEN 1 END) AS provenanced`,
    );
    expect(summary?.nodes).toBeGreaterThan(FIRMS);
    expect(summary?.wellNamed).toBe(summary?.nodes);
    expect(summary?.provenanced).toBe(summary?.nodes);
    const [mixed] = await graph.runRaw("MATCH (a:Synthetic)-[r]-(b) WHERE NOT b:Synthetic RETURN count(r) AS ties");
    expect(mixed?.ties).toBe(0);
    const [unlabelled] = await graph.runRaw("MATCH (n:Entity) WHERE n.id STARTS WITH 'firm:syn-' AND NOT n:Synthetic RETURN count(n) AS n");
    expect(unlabelled?.n).toBe(0);
    const [relProvenance] = await graph.runRaw(
      "MATCH (:Synthetic)-[r]->() RETURN count(r) AS all, count(CASE WHEN r.assumption = 'synthetic' AND r.key IS NOT NULL AND r.sourceDocs IS NULL THEN 1 END) AS marked",
    );
    expect(relProvenance?.marked).toBe(relProvenance?.all);
  });

  it("refuses to generate over existing synthetic data instead of mixing two graphs", async () => {
    await expect(generateSynthetic(graph, { seed: 8, firms: FIRMS })).rejects.toThrow(SyntheticDataPresent);
    await removeSynthetic(graph);
  });
  it("builds the full-text indexes (names, initials) after the bulk write when asked to, with the same search answers as keeping them current", async () => {
    const names = async () => {
      const rows = await graph.runRaw("MATCH (f:Firm:Synthetic) WITH f ORDER BY f.id LIMIT 25 RETURN collect(f.name) AS names");
      return rows[0]?.names as string[];
    };
    // Which nodes each query matches (scores depend on the index's deleted documents, not on the graph).
    const answers = async (queries: string[], index = "entity_names") => {
      const out: string[][] = [];
      for (const q of queries) {
        const rows = await graph.runRaw(
          "CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id ORDER BY id LIMIT 5000",
          { q, index },
        );
        out.push(rows.map((row) => row.id as string));
      }
      return out;
    };
    const kept = await generateSynthetic(graph, { seed: 11, firms: FIRMS, deferFullText: false });
    expect(kept.stats.deferredFullText).toBe(false);
    const queries = await names();
    const keptAnswers = await answers(queries);
    // The pinyin initials of the same firms' names (the first word of nameInitials), through their own index.
    const initialsRows = await graph.runRaw(
      "MATCH (f:Firm:Synthetic) WITH f ORDER BY f.id LIMIT 25 RETURN collect(split(f.nameInitials, ' ')[0]) AS initials",
    );
    const initials = initialsRows[0]?.initials as string[];
    const keptInitialAnswers = await answers(initials, "entity_initials");
    const keptSum = await syntheticChecksum(graph);
    await removeSynthetic(graph);

    const deferred = await generateSynthetic(graph, { seed: 11, firms: FIRMS, deferFullText: true });
    expect(deferred.stats.deferredFullText).toBe(true);
    // Both full-text indexes the first load drops (names, and pinyin initials) are back online.
    const indexes = await graph.runRaw(
      "SHOW INDEXES YIELD name, state, type WHERE name IN ['entity_names', 'entity_initials'] RETURN name, state, type ORDER BY name",
    );
    expect(indexes).toEqual([
      { name: "entity_initials", state: "ONLINE", type: "FULLTEXT" },
      { name: "entity_names", state: "ONLINE", type: "FULLTEXT" },
    ]);
    expect(await syntheticChecksum(graph)).toEqual(keptSum);
    // Every synthetic name finds its firm (and whatever else it matches), exactly as with the index kept current.
    expect(keptAnswers.every((ids) => ids.length > 0)).toBe(true);
    expect(await answers(queries)).toEqual(keptAnswers);
    expect(keptInitialAnswers.every((ids) => ids.length > 0)).toBe(true);
    expect(await answers(initials, "entity_initials")).toEqual(keptInitialAnswers);
    await removeSynthetic(graph);
  });
});
