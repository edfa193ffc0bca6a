import { plantedGaps } from "../seeds/synthetic/manifest.ts";
import type { Plan } from "../seeds/synthetic/plan.ts";
import type { Graph } from "../server/db/graph.ts";
import { deleteScenario } from "../server/repositories/scenarios.ts";
import { chainChanges } from "../server/services/changes.ts";
import { chainGapReport } from "../server/services/gap-analysis.ts";
import { chainResilience } from "../server/services/resilience.ts";
import { saveScenario, scenarioChanges } from "../server/services/scenarios.ts";
import { type Latency, summarize, timed } from "./stats.ts";

/** The county size issue 18's resilience target speaks of: the planted presence nearest to it is measured. */
const COUNTY_FIRMS = 250;

export interface WhatIfResult {
  available: true;
  region: string;
  chain: string;
  scenarioChanges: number;
  plainGaps: Latency;
  /** The gap report under a saved scenario, as the route computes it (the scenario read included). */
  scenarioGaps: Latency;
  /** scenario p95 / plain p95 (target ≤ 2). */
  ratio: number;
  resilience: Latency & { region: string; localFirms: number };
  /** Between a date and now (the synthetic graph has no import batches): both gap analyses and the batch look-ups. */
  changes: Latency;
}
export type WhatIfOutcome = WhatIfResult | { available: false; reason: string };

/**
 * Issue 18's speed questions on the loaded synthetic graph: a scenario saved for a planted
 * presence (recruit its best targets, withdraw a leader), the gap report with and without it,
 * resilience of the presence nearest a county's ~250 firms, and a change report. The scenario
 * is a :Scenario record apart from the facts, deleted afterwards, so a reused database keeps
 * nothing of it.
 */
export async function measureWhatIf(graph: Graph, plan: Plan, runs: number, log: (line: string) => void): Promise<WhatIfOutcome> {
  const planted = plantedGaps(plan);
  const withTarget = planted.find((p) => p.targets.length > 0);
  if (!withTarget) return { available: false, reason: "no planted presence with a best target at this size" };
  const county = [...planted].sort((a, b) => Math.abs(a.firms - COUNTY_FIRMS) - Math.abs(b.firms - COUNTY_FIRMS))[0]!;
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
    log(`  ${name}: p50 ${latency.p50} ms, p95 ${latency.p95} ms (${latency.runs} runs)`);
    return latency;
  };

  const scenario = await saveScenario(graph, { ...query, name: "bench what-if", changes }, "bench");
  try {
    log(`  scenario of ${changes.length} changes in ${withTarget.region} (${withTarget.firms} firms)`);
    const plainGaps = await measure("gap report, plain", () => chainGapReport(graph, query));
    const scenarioGaps = await measure("gap report, under the scenario", async () => {
      const chosen = await scenarioChanges(graph, scenario.id, query.chain, query.region);
      return chainGapReport(graph, { ...query, changes: chosen?.changes });
    });
    const countyQuery = { chain: county.chain, region: county.region, enclaves: "home" as const };
    const { localFirms } = await chainResilience(graph, countyQuery);
    const resilience = await measure(`resilience (${county.region}, ${localFirms} local firms)`, () => chainResilience(graph, countyQuery));
    const changeReport = await measure("change report (date → now)", () => chainChanges(graph, { ...query, from: "2000-01-01" }));
    return {
      available: true,
      region: withTarget.region,
      chain: withTarget.chain,
      scenarioChanges: changes.length,
      plainGaps,
      scenarioGaps,
      ratio: Math.round((scenarioGaps.p95 / plainGaps.p95) * 100) / 100,
      resilience: { ...resilience, region: county.region, localFirms },
      changes: changeReport,
    };
  } finally {
    await deleteScenario(graph, scenario.id);
  }
}

/** The what-if targets: scenario gap p95 ≤ 2× the plain one, county resilience ≤ 2 s, change report ≤ 1 s (p95). */
export function whatIfChecks(whatIf: WhatIfOutcome | undefined, firms: number) {
  if (!whatIf) return [];
  if (!whatIf.available)
    return [{ target: `what-if measures (${firms} firms)`, measured: "not available", met: null, note: whatIf.reason }];
  return [
    {
      target: `scenario gap report p95 ≤ 2× plain (${firms} firms)`,
      measured: `${whatIf.scenarioGaps.p95} ms vs ${whatIf.plainGaps.p95} ms = ${whatIf.ratio}×`,
      met: whatIf.ratio <= 2,
    },
    {
      target: `resilience of a county chain p95 ≤ 2000 ms (${whatIf.resilience.localFirms} local firms, ${firms} firms)`,
      measured: `${whatIf.resilience.p95} ms`,
      met: whatIf.resilience.p95 <= 2000,
    },
    { target: `change report p95 ≤ 1000 ms (${firms} firms)`, measured: `${whatIf.changes.p95} ms`, met: whatIf.changes.p95 <= 1000 },
  ];
}

/** The what-if lines of a size's section in docs/benchmarks.md. */
export function whatIfLines(whatIf: WhatIfOutcome | undefined): string[] {
  if (!whatIf) return [];
  if (!whatIf.available) return ["", `What-if (issue 18): not available (${whatIf.reason}).`];
  const row = (name: string, l: Latency, target: string) => `| ${name} | ${l.runs} | ${l.p50} | ${l.p95} | ${target} |`;
  return [
    "",
    `What-if (issue 18), direct service calls; scenario of ${whatIf.scenarioChanges} changes in ${whatIf.region}, saved and deleted by the run:`,
    "",
    "| what-if measure | runs | p50 ms | p95 ms | target |",
    "|---|---|---|---|---|",
    row("gap report, plain", whatIf.plainGaps, "–"),
    row("gap report, under the scenario", whatIf.scenarioGaps, `≤ 2× plain p95 (now ${whatIf.ratio}×)`),
    row(`resilience, ${whatIf.resilience.region} (${whatIf.resilience.localFirms} local firms)`, whatIf.resilience, "≤ 2000 ms"),
    row("change report (date → now)", whatIf.changes, "≤ 1000 ms"),
  ];
}
