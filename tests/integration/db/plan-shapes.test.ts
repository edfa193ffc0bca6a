import neo4j, { type Plan } from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { checkPlanShape, explainShape, UNANCHORED } from "../../../bench/plan-shape.ts";
import { RecordingGraph } from "../../../bench/profile.ts";
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from "../../../model/domain.ts";
import { listChains } from "../../../server/repositories/chains.ts";
import { expandNeighbors } from "../../../server/repositories/nodes.ts";
import { findPaths } from "../../../server/repositories/paths.ts";
import { searchEntities } from "../../../server/repositories/search.ts";
import { chainMap } from "../../../server/services/chain-map.ts";
import { chainGapReport } from "../../../server/services/gap-analysis.ts";
import { recruitmentTargets } from "../../../server/services/targets.ts";
import { testConnection, testGraph } from "../../helpers/graph.ts";

/**
 * The hot reads' plans, by EXPLAIN on the test Neo4j with the parameters the repository functions
 * really pass (recorded while they run on the demo data): every one must start from an index (id
 * seek, region-kind seek, full-text call) and none may scan all nodes or every firm. The bench
 * runs the same check at 1M firms (bench/plan-shape.ts); timings are never asserted here.
 */
const graph = testGraph();
afterAll(() => graph.driver.close());

const scope = { chain: "chain:beauty-health", region: "region:lianzhou", enclaves: "both" as const };
const HOT_READS: [string, (g: RecordingGraph) => Promise<unknown>][] = [
  ["gaps", (g) => chainGapReport(g, scope)],
  ["chain map", (g) => chainMap(g, scope)],
  ["targets", (g) => recruitmentTargets(g, { ...scope, limit: 20 })],
  [
    "neighbours depth 1",
    (g) => expandNeighbors(g, "firm:nice-group", { depth: 1, limit: 200, relTypes: [...RELATIONSHIP_TYPES], labels: [...ENTITY_LABELS] }),
  ],
  [
    "search",
    (g) =>
      searchEntities(
        g,
        "丽水",
        ENTITY_LABELS.filter((l) => l !== "Figure"),
        20,
      ),
  ],
  ["paths", (g) => findPaths(g, { from: "firm:nice-group", to: "region:lishui", maxHops: 4, limit: 5 })],
  ["chain list", (g) => listChains(g)],
];

describe("plan shapes of the hot reads", () => {
  it.each(HOT_READS)("%s: every read is index-anchored, with no AllNodesScan and no label scan over Firm", async (_name, call) => {
    const recording = new RecordingGraph(graph.driver, testConnection().database, 60_000);
    await call(recording);
    expect(recording.calls.length).toBeGreaterThan(0);
    for (const { name, params } of recording.calls) {
      const shape = await explainShape(graph, name, params, { anchored: !UNANCHORED.has(name) });
      expect(shape.problems, `${name}: ${shape.operators.map((o) => o.operator).join(" < ")}`).toEqual([]);
    }
  });

  it("the check catches a scan over every firm and an unanchored read", async () => {
    const session = graph.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const scan = await session.run("EXPLAIN MATCH (f:Firm) WHERE f.name = $name RETURN f.id", { name: "x" });
      expect(checkPlanShape(scan.summary.plan as Plan).problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^NodeByLabelScan over .*:Firm/),
          "no index seek or full-text call anchors the plan",
        ]),
      );
      const all = await session.run("EXPLAIN MATCH (n) WHERE n.name = $name RETURN n.id", { name: "x" });
      expect(checkPlanShape(all.summary.plan as Plan).problems).toEqual(expect.arrayContaining([expect.stringMatching(/^AllNodesScan/)]));
    } finally {
      await session.close();
    }
  });
});
