import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSynthetic } from "../../../seeds/synthetic/generate.ts";
import { type PlantedGaps, plantedGaps } from "../../../seeds/synthetic/manifest.ts";
import { removeSynthetic } from "../../../seeds/synthetic/remove.ts";
import { testGraph } from "../../helpers/graph.ts";

/**
 * The answer key (manifest.ts) checked against the written graph with independent Cypher:
 * whatever the key says was planted is there, and nothing else of the same kind is.
 * "Local" here is the district plus the enclaves it runs and the enclaves it hosts (the widest reading).
 */
const graph = testGraph();
let planted: PlantedGaps[] = [];

beforeAll(async () => {
  await removeSynthetic(graph);
  const { plan } = await generateSynthetic(graph, { seed: 11, firms: 4_000 });
  planted = plantedGaps(plan);
});
afterAll(async () => {
  await removeSynthetic(graph);
  await graph.driver.close();
});

async function localRegions(region: string): Promise<string[]> {
  const rows = await graph.runRaw(
    "MATCH (r:Region {id: $region}) RETURN [r.id] + COLLECT { MATCH (e:Region {kind: 'enclave'})-[:ENCLAVE_OF|LOCATED_IN]->(r) RETURN e.id } AS ids",
    { region },
  );
  return rows[0]?.ids as string[];
}

const LOCAL = "EXISTS { MATCH (%)-[:LOCATED_IN]->(place:Region) WHERE place.id IN $local }";
const local = (variable: string) => LOCAL.replace("%", variable);

async function segmentCounts(chain: string, localIds: string[]) {
  const rows = await graph.runRaw(
    `MATCH (s:Segment)-[:SEGMENT_OF]->(:Chain {id: $chain})
     CALL (s) {
       OPTIONAL MATCH (f:Firm)-[:IN_SEGMENT]->(:Segment)-[:SUB_SEGMENT_OF*0..3]->(s)
       WHERE ${local("f")}
       WITH DISTINCT f
       RETURN count(f) AS firms, count(CASE WHEN '规上' IN f.tags THEN 1 END) AS aboveScale
     }
     RETURN s.id AS id, firms, aboveScale`,
    { chain, local: localIds },
  );
  return new Map(rows.map((r) => [r.id as string, { firms: r.firms as number, aboveScale: r.aboveScale as number }]));
}

async function flows(chain: string, localIds: string[]) {
  return graph.runRaw(
    `MATCH (a:Segment)-[:FEEDS]->(b:Segment)-[:SEGMENT_OF]->(:Chain {id: $chain})
     RETURN a.id AS from, b.id AS to,
            COUNT { MATCH (u:Firm)-[:IN_SEGMENT]->(a) WHERE ${local("u")} } AS up,
            COUNT { MATCH (d:Firm)-[:IN_SEGMENT]->(b) WHERE ${local("d")} } AS down,
            COUNT { MATCH (u:Firm)-[:IN_SEGMENT]->(a) WHERE ${local("u")}
                    MATCH (u)-[:SUPPLIES]->(d:Firm)-[:IN_SEGMENT]->(b) WHERE ${local("d")} } AS localTies`,
    { chain, local: localIds },
  );
}

describe("planted gaps in a generated synthetic ecosystem", () => {
  it("has every kind of gap planted somewhere", () => {
    expect(planted.length).toBeGreaterThan(5);
    expect(new Set(planted.flatMap((p) => p.broken.map((b) => b.kind)))).toEqual(new Set(["no-upstream", "outside-only", "no-local-tie"]));
    expect(new Set(planted.map((p) => p.leaders.kind))).toEqual(new Set(["none", "single", "multiple", "weak"]));
  });

  it("leaves exactly the planted segments empty, and the thin ones with one or two small firms", async () => {
    for (const p of planted) {
      const localIds = await localRegions(p.region);
      const counts = await segmentCounts(p.chain, localIds);
      const empty = [...counts].filter(([, c]) => c.firms === 0).map(([id]) => id);
      expect(empty.sort(), `${p.region} / ${p.chain}`).toEqual([...p.missing].sort());
      for (const id of p.thin) {
        const c = counts.get(id)!;
        expect(c.firms, `${id} in ${p.region}`).toBeGreaterThanOrEqual(1);
        expect(c.firms).toBeLessThanOrEqual(2);
        expect(c.aboveScale).toBe(0);
      }
      const unplanted = [...counts].filter(([id]) => !p.missing.includes(id) && !p.thin.includes(id));
      for (const [id, c] of unplanted) expect(c.aboveScale, `${id} in ${p.region} has an above-scale firm`).toBeGreaterThan(0);
    }
  });

  it("breaks exactly the planted flows, each in its planted way", async () => {
    for (const p of planted) {
      const localIds = await localRegions(p.region);
      for (const flow of await flows(p.chain, localIds)) {
        const plantedFlow = p.broken.find((b) => b.from === flow.from && b.to === flow.to);
        const label = `${flow.from}→${flow.to} in ${p.region}`;
        if ((flow.down as number) === 0) continue;
        if (!plantedFlow) {
          expect(flow.up, label).toBeGreaterThan(0);
          expect(flow.localTies, `${label} should be closed by a local tie`).toBeGreaterThan(0);
          continue;
        }
        expect(flow.localTies, label).toBe(0);
        if (plantedFlow.kind === "no-upstream") expect(flow.up, label).toBe(0);
        else expect(flow.up, label).toBeGreaterThan(0);
        const sellers = await graph.runRaw(
          `MATCH (u:Firm)-[:IN_SEGMENT]->(:Segment {id: $segment}) WHERE ${local("u")}
           RETURN u.marketScope AS scope, COUNT { MATCH (u)-[:SUPPLIES]->(d:Firm) WHERE ${local("d")} } AS localCustomers`,
          { segment: flow.from, local: localIds },
        );
        if (plantedFlow.kind === "outside-only") {
          for (const s of sellers) expect(s).toEqual({ scope: "outside", localCustomers: 0 });
        }
        if (plantedFlow.kind === "no-local-tie") {
          expect(
            sellers.some((s) => (s.localCustomers as number) > 0),
            `${label}: upstream firms sell locally elsewhere`,
          ).toBe(true);
        }
      }
    }
  });

  it("has the planted chain leaders, the weak one with few local partners", async () => {
    for (const p of planted) {
      const localIds = await localRegions(p.region);
      const leaders = await graph.runRaw(
        `MATCH (f:Firm)-[l:LEADS]->(:Chain {id: $chain}) WHERE l.region = $region AND l.key = $region
         WITH f, COLLECT { MATCH (f)-[:SUPPLIES]-(q:Firm) RETURN DISTINCT q } AS partners
         RETURN f.id AS id, '龙头' IN f.tags AS tagged, size(partners) AS partners,
                size([q IN partners WHERE ${local("q")}]) AS localPartners`,
        { chain: p.chain, region: p.region, local: localIds },
      );
      expect(leaders.map((l) => l.id).sort(), `${p.region} / ${p.chain}`).toEqual([...p.leaders.firms].sort());
      const expectedCount = { none: [0, 0], single: [1, 1], weak: [1, 1], multiple: [2, 3] }[p.leaders.kind];
      expect(leaders.length).toBeGreaterThanOrEqual(expectedCount[0]!);
      expect(leaders.length).toBeLessThanOrEqual(expectedCount[1]!);
      for (const l of leaders) {
        expect(l.tagged).toBe(true);
        const ratio = (l.localPartners as number) / Math.max(1, l.partners as number);
        if (p.leaders.kind === "weak") expect(ratio, `weak leader ${l.id}`).toBeLessThan(0.25);
        else expect(ratio, `leader ${l.id}`).toBeGreaterThanOrEqual(0.4);
      }
    }
  });

  it("has no local institute, park or fund serving the chain exactly where support was planted missing", async () => {
    for (const p of planted) {
      const localIds = await localRegions(p.region);
      const [row] = await graph.runRaw(
        `MATCH (c:Chain {id: $chain})
         RETURN COUNT { MATCH (x)-[:SERVES]->(t) WHERE (t = c OR (t)-[:SEGMENT_OF]->(c)) AND (x:Institute OR x:Park OR x:Fund) AND ${local("x")} } AS actors`,
        { chain: p.chain, local: localIds },
      );
      if (p.support) expect(row?.actors, `${p.region} / ${p.chain}`).toBeGreaterThan(0);
      else expect(row?.actors, `${p.region} / ${p.chain}`).toBe(0);
    }
  });
});
