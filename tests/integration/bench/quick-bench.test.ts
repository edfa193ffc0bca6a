import { afterAll, describe, expect, it } from "vitest";
import { MEASURE_NAMES } from "../../../bench/only.ts";
import { markdownReport } from "../../../bench/report.ts";
import { type BenchResults, runBench } from "../../../bench/run-bench.ts";
import { testConnection, testGraph } from "../../helpers/graph.ts";

/**
 * Keeps `npm run bench -- --quick` working: the whole pipeline on the test's Neo4j, checked for
 * structure (every measure present, numbers finite and positive, no errors under load), never for time.
 */
const graph = testGraph();
afterAll(() => graph.driver.close());

const MEASURES = [...MEASURE_NAMES];
const positive = (x: number | undefined) => typeof x === "number" && Number.isFinite(x) && x > 0;

describe("the quick benchmark", () => {
  let results: BenchResults;

  it("runs end to end and reports every measure with finite, positive numbers", { timeout: 900_000 }, async () => {
    const { uri, user, password, database } = testConnection();
    const [demoBefore] = await graph.runRaw("MATCH (n:Entity) WHERE NOT n:Synthetic RETURN count(n) AS n");
    results = await runBench({
      quick: true,
      sizes: [3000],
      seed: 42,
      render: true,
      log: () => {},
      connection: { uri, user, password, database },
    });

    const [size] = results.sizes;
    expect(size?.firms).toBe(3000);
    const load = size!.load;
    if (!load) throw new Error("a run without --reuse measures the load");
    for (const rate of [load.generator, load.seedLoader, load.naive]) {
      expect(positive(rate.nodesPerSecond), JSON.stringify(rate)).toBe(true);
      expect(positive(rate.relationshipsPerSecond), JSON.stringify(rate)).toBe(true);
    }
    expect(positive(load.generator.peakRssBytes)).toBe(true);
    expect(positive(load.generatorVsNaive.nodes) && positive(load.generatorVsNaive.relationships)).toBe(true);
    expect(positive(size!.graph.nodes) && positive(size!.graph.relationships)).toBe(true);

    expect(size!.queries.map((q) => q.name)).toEqual(MEASURES);
    expect(size!.searchQuality?.map((q) => q.queries)).toEqual([20, 20, 20, 20, 20, 20]);
    for (const q of size!.queries) {
      expect(q.available, `${q.name}: ${q.unavailableReason}`).toBe(true);
      for (const latency of [q.raw!, q.http!]) {
        expect(latency.runs).toBeGreaterThanOrEqual(3);
        for (const p of [latency.p50, latency.p95, latency.p99]) expect(positive(p), `${q.name} ${JSON.stringify(latency)}`).toBe(true);
      }
      expect(positive(q.apiOverhead), q.name).toBe(true);
      expect(positive(q.profile?.totalDbHits), `${q.name} db hits`).toBe(true);
      expect(q.planProblems, `${q.name} plan shape`).toEqual([]);
    }

    const key = size!.answerKey;
    expect(key.available, JSON.stringify(key)).toBe(true);
    if (key.available) {
      expect(key.gaps.planted).toBeGreaterThan(0);
      for (const share of [key.gaps.recall, key.gaps.precision, key.targets.bestFirstShare]) expect(share).toBeGreaterThanOrEqual(0);
    }

    const load2 = size!.throughput;
    if (!load2) throw new Error("a run without --only measures the sustained load");
    expect(positive(load2.requestsPerSecond)).toBe(true);
    expect(load2.errors + load2.non2xx + load2.timeouts).toBe(0);

    const canvas = results.render.find((r) => r.renderer === "canvas");
    expect(canvas?.status).toBe("ok");
    expect(positive(canvas?.firstRenderMs) && positive(canvas?.panFps)).toBe(true);
    // WebGL may crash or hang under software GL; it must be recorded either way.
    expect(results.render.some((r) => r.renderer === "webgl")).toBe(true);

    const [after] = await graph.runRaw("MATCH (n:Synthetic) RETURN count(n) AS n");
    expect(after?.n).toBe(0);
    const [demoAfter] = await graph.runRaw("MATCH (n:Entity) WHERE NOT n:Synthetic RETURN count(n) AS n");
    expect(demoAfter).toEqual(demoBefore);
  });

  it("renders a report naming every measure and the targets", () => {
    const markdown = markdownReport(results);
    for (const name of MEASURES) expect(markdown).toContain(`| ${name} |`);
    expect(markdown).toContain("### Targets");
    expect(markdown).toContain("API overhead");
    expect(markdown).toContain("Answer key (");
    expect(markdown).toContain("best target first");
  });
});
