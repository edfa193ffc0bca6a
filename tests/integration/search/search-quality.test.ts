import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_VARIANTS, type SearchQuality, type SearchVariant, searchQuality } from "../../../bench/search-quality.ts";
import { generateSynthetic } from "../../../seeds/synthetic/generate.ts";
import { buildPlan } from "../../../seeds/synthetic/plan.ts";
import { removeSynthetic } from "../../../seeds/synthetic/remove.ts";
import { backfillNameInitials } from "../../../server/repositories/name-initials.ts";
import { searchEntities } from "../../../server/repositories/search.ts";
import { testGraph } from "../../helpers/graph.ts";

/**
 * Search quality at demo size: 4,000 synthetic firms, 60 sampled, each searched the ways a planner
 * types a name (bench/search-quality.ts). The floors are what this code reaches with margin; the
 * code before typo tolerance and pinyin initials found 0 of the pinyin queries and a minority of
 * the mistyped ones (docs/benchmarks.md has both at 1M).
 */
const graph = testGraph();
const FIRMS = 4_000;
const SEED = 42;
// One mistyped character (bench/search-quality.ts puts 鑫 into the trade name) often leaves five or
// more generated names exactly one character off, so its floor is low; that every miss is such a
// tie is asserted apart (no result further off than the firm). The code before this change:
// 0.183 mistyped, 0 pinyin, on this same sample.
const FLOORS: Record<SearchVariant, number> = {
  "full name": 0.95,
  "partial name (place and trade name)": 0.95,
  "without company suffix": 0.95,
  "traditional characters": 0.95,
  "one character mistyped": 0.28,
  "pinyin initials": 0.85,
};

beforeAll(async () => {
  await removeSynthetic(graph);
  await generateSynthetic(graph, { seed: SEED, firms: FIRMS });
});
afterAll(async () => {
  await removeSynthetic(graph);
  await graph.driver.close();
});

describe("search quality on generated firms", () => {
  let quality: SearchQuality[];

  it("finds the firm among the first five for every kind of query, above each kind's floor", async () => {
    quality = await searchQuality(graph, buildPlan(SEED, FIRMS), 60);
    expect(quality.map((q) => q.variant)).toEqual([...SEARCH_VARIANTS]);
    for (const q of quality) {
      expect(q.queries).toBe(60);
      expect(q.hitAt5, `${q.variant}: hit@5 ${q.hitAt5}, misses ${JSON.stringify(q.misses)}`).toBeGreaterThanOrEqual(FLOORS[q.variant]);
      expect(q.outranked, `${q.variant}: misses with a result further off than the firm ${JSON.stringify(q.misses)}`).toBe(0);
    }
  });

  it("answers a query of legal-form words only with nothing, without asking the database", async () => {
    const noDatabase = { read: () => Promise.reject(new Error("asked the database")) } as unknown as typeof graph;
    expect(await searchEntities(noDatabase, "有限公司", ["Firm"], 5)).toEqual([]);
    expect(await searchEntities(noDatabase, " 股份有限公司  公司 ", ["Firm"], 5)).toEqual([]);
  });
});

describe("pinyin initials of a database loaded without them", () => {
  it("are written once by the start-up backfill, then found by search", async () => {
    await graph.runRaw(
      "CREATE (n:Entity:Firm {id: 'firm:t-initials-old', name: '丽水缙云美妆测试有限公司', aliases: ['缙云美妆'], aliasesText: '缙云美妆'})",
    );
    await graph.runRaw("MATCH (v:DataVersion {id: 'search-keys'}) DELETE v");
    try {
      expect(await searchEntities(graph, "lsjymz", ["Firm"], 5)).toEqual([]);
      // Only this node: the seed and the generator wrote every other entity's initials themselves.
      expect(await backfillNameInitials(graph)).toBe(1);
      const [row] = await graph.runRaw("MATCH (n:Entity {id: 'firm:t-initials-old'}) RETURN n.nameInitials AS initials");
      expect(row?.initials).toBe("lsjymzcsyxgs jymz");
      expect((await searchEntities(graph, "lsjymz", ["Firm"], 5))[0]?.id).toBe("firm:t-initials-old");
      expect((await searchEntities(graph, "JYMZ", ["Firm"], 5))[0]?.id).toBe("firm:t-initials-old");
      // Recorded: the next start does not walk the entities again.
      expect(await backfillNameInitials(graph)).toBe(0);
    } finally {
      await graph.runRaw("MATCH (n:Entity {id: 'firm:t-initials-old'}) DETACH DELETE n");
    }
  });
});
