import { parseArgs } from "node:util";
import { generateSynthetic } from "../seeds/synthetic/generate.ts";
import { plantedGaps } from "../seeds/synthetic/manifest.ts";
import { removeSynthetic } from "../seeds/synthetic/remove.ts";
import { createDriver } from "../server/db/driver.ts";
import { Graph } from "../server/db/graph.ts";
import { applySchema } from "../server/db/schema.ts";
import { chainChanges } from "../server/services/changes.ts";
import { chainGapReport } from "../server/services/gap-analysis.ts";
import { chainResilience } from "../server/services/resilience.ts";
import { benchNeo4j } from "./neo4j.ts";
import { summarize, timed } from "./stats.ts";

/**
 * `npx tsx bench/what-if.ts --firms 20000 [--runs 20]`: issue 18's three speed questions on a
 * generated ecosystem, reported, never asserted — the scenario gap report against the plain one
 * (target ≤ 2× its p95), resilience of the largest district chain (target ≤ 2 s at a ~250-firm
 * county), and a change report (target ≤ 1 s; the synthetic graph has no import batches, so this
 * measures the report between a date and now: two gap analyses and the batch look-ups).
 */
const { values } = parseArgs({
  options: {
    firms: { type: "string", default: "20000" },
    runs: { type: "string", default: "20" },
    seed: { type: "string", default: "42" },
  },
});
const firms = Number(values.firms);
const runs = Number(values.runs);
const log = (line: string) => console.log(line);

const neo4j = await benchNeo4j(firms, log);
const graph = new Graph(createDriver(neo4j.connection), neo4j.connection.database, 600_000);
try {
  await applySchema(graph);
  await removeSynthetic(graph);
  const { plan } = await generateSynthetic(graph, { seed: Number(values.seed), firms });
  const planted = plantedGaps(plan).sort((a, b) => b.firms - a.firms);
  const withTarget = planted.find((p) => p.targets.length > 0)!;
  const biggest = planted[0]!;
  const query = { chain: withTarget.chain, region: withTarget.region, enclaves: "home" as const };
  const changes = [
    ...withTarget.targets.map((t) => ({ kind: "add-firm" as const, firm: t.best, segment: t.segment })),
    ...withTarget.leaders.firms.slice(0, 1).map((firm) => ({ kind: "remove-leader" as const, firm })),
  ];
  const measure = async (name: string, work: () => Promise<unknown>) => {
    await work();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push((await timed(work)).ms);
    const latency = summarize(samples);
    log(`${name}: p50 ${latency.p50} ms, p95 ${latency.p95} ms (${latency.runs} runs)`);
    return latency;
  };
  log(`${firms} firms; scenario of ${changes.length} changes in ${withTarget.region} (${withTarget.firms} firms)`);
  const plainReport = await measure("gap report, plain", () => chainGapReport(graph, query));
  const scenarioReport = await measure("gap report, under the scenario", () => chainGapReport(graph, { ...query, changes }));
  log(`scenario / plain p95: ${(scenarioReport.p95 / plainReport.p95).toFixed(2)}× (target ≤ 2×)`);
  const resilience = await chainResilience(graph, { chain: biggest.chain, region: biggest.region, enclaves: "home" });
  log(`resilience: ${biggest.region}, ${resilience.localFirms} local firms knocked out`);
  await measure("resilience", () => chainResilience(graph, { chain: biggest.chain, region: biggest.region, enclaves: "home" }));
  await measure("change report (date → now)", () => chainChanges(graph, { ...query, from: "2000-01-01" }));
} finally {
  await removeSynthetic(graph).catch(() => {});
  await graph.driver.close();
  await neo4j.stop();
}
