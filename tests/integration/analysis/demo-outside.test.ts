import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeSynthetic } from "../../../seeds/synthetic/remove.ts";
import { DEMO_OUTSIDE_PREFIX, loadDemoOutsideFirms } from "../../../server/seed/demo-outside.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/** The opt-in synthetic outside-firms layer: loaded once, clearly marked, ranked with real reasons, removable. */
const graph = testGraph();
let app: Awaited<ReturnType<typeof testApp>>;

interface Target {
  rank: number;
  score: number;
  firm: { id: string; label: string; assumption?: string };
  reasons: { kind: string; weight: number; message: { zh: string; en: string }; paths: { nodes: string[]; edgeIds: string[] }[] }[];
}

beforeAll(async () => {
  await removeSynthetic(graph);
  app = await testApp();
});
afterAll(async () => {
  await removeSynthetic(graph);
  await app.close();
  await graph.driver.close();
});

async function targets(chain: string, region: string) {
  const res = await app.inject({ url: `/api/chains/${chain}/targets?region=${region}&limit=50` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { targets: Target[]; route: { steps: { closes: string[] }[] }; total: number };
}

describe("the demo outside-firms layer (DEMO_OUTSIDE_FIRMS=true)", () => {
  it("loads once, all or nothing, and a second load writes nothing", async () => {
    const first = await loadDemoOutsideFirms(graph);
    expect(first.skipped).toBe(false);
    expect(first.nodesCreated).toBeGreaterThan(60);
    const second = await loadDemoOutsideFirms(graph);
    expect(second).toMatchObject({ skipped: true, nodesCreated: 0 });
    const [row] = await graph.runRaw(
      "MATCH (f:Firm) WHERE f.id STARTS WITH $prefix RETURN count(f) AS all, count(CASE WHEN f:Synthetic AND f.assumption = 'synthetic' AND f.name STARTS WITH '【示例】' AND size(f.sourceDocs) = 0 THEN 1 END) AS marked",
      { prefix: DEMO_OUTSIDE_PREFIX },
    );
    expect(row?.marked).toBe(row?.all);
  });

  it("gives 莲都 and 温江 ranked candidates with reasons backed by real ties, the synthetic ones marked", async () => {
    for (const [chain, region] of [
      ["chain:beauty-health", "region:lianzhou"],
      ["chain:big-health", "region:wenjiang"],
    ] as const) {
      const answer = await targets(chain, region);
      expect(answer.targets.length, `${region}`).toBeGreaterThan(5);
      const scores = answer.targets.map((t) => t.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const [first] = answer.targets;
      const ties = ["suppliesLeader", "suppliesLocal", "cooperatesLocal", "partnerRegion", "plannedProject"];
      expect(first?.reasons.some((r) => ties.includes(r.kind))).toBe(true);
      for (const t of answer.targets) {
        for (const r of t.reasons.filter((x) => ties.includes(x.kind))) expect(r.paths.length, `${t.firm.id} ${r.kind}`).toBeGreaterThan(0);
      }
      const synthetic = answer.targets.filter((t) => t.firm.id.startsWith(DEMO_OUTSIDE_PREFIX));
      for (const t of synthetic) {
        expect(t.firm.assumption).toBe("synthetic");
        expect(t.firm.label.startsWith("【示例】")).toBe(true);
      }
      // Reasons are read by planners in either language: names, never internal ids.
      for (const r of answer.targets.flatMap((t) => t.reasons)) {
        expect(`${r.message.zh} ${r.message.en}`, r.kind).not.toMatch(/\b(segment|firm|region|chain):[a-z0-9-]/);
      }
      const reasonKinds = new Set(answer.targets.flatMap((t) => t.reasons.map((r) => r.kind)));
      expect([...reasonKinds]).toEqual(expect.arrayContaining(["suppliesLocal", "cooperatesLocal", "partnerRegion", "tag"]));
      if (region === "region:lianzhou") expect(reasonKinds.has("suppliesLeader")).toBe(true);
      expect(answer.route.steps.length).toBeGreaterThan(0);
    }
  });

  it("is removed with the synthetic data, leaving the documents' firms", async () => {
    await removeSynthetic(graph);
    const answer = await targets("chain:beauty-health", "region:lianzhou");
    expect(answer.targets.some((t) => t.firm.id.startsWith(DEMO_OUTSIDE_PREFIX))).toBe(false);
    const [row] = await graph.runRaw("MATCH (f:Firm {id: 'firm:nice-group'}) RETURN count(f) AS n");
    expect(row?.n).toBe(1);
  });
});
