import os from "node:os";
import type { AnswerKeyScore } from "../seeds/synthetic/answer-key.ts";
import type { GenerateStats } from "../seeds/synthetic/generate.ts";
import type { OfflineLoadStats } from "../seeds/synthetic/offline-load.ts";
import { buildPlan, firmId } from "../seeds/synthetic/plan.ts";
import { removeSynthetic } from "../seeds/synthetic/remove.ts";
import type { Neo4jConnection } from "../server/config.ts";
import { createDriver } from "../server/db/driver.ts";
import { Graph } from "../server/db/graph.ts";
import { applySchema } from "../server/db/schema.ts";
import { backfillFirmScoreParts } from "../server/repositories/firm-score-parts.ts";
import { backfillNameInitials } from "../server/repositories/name-initials.ts";
import { selectedSubgraph } from "../server/repositories/subgraph.ts";
import { seedFromDir } from "../server/seed/demo-seed.ts";
import { request, startApp, sustainedLoad, type Throughput } from "./http.ts";
import { type LoadRate, measureNaive, measureOfflineLoad, measureSeedLoader, runGenerator } from "./load.ts";
import { answerKeyScores, exportNodeSets, type Measure, measures, parameterPools } from "./measures.ts";
import { benchNeo4j, memoryFor } from "./neo4j.ts";
import { type BenchPart, benchSelection, NOT_RUN } from "./only.ts";
import { measurePack, type PackResult } from "./pack.ts";
import { explainShape, UNANCHORED } from "./plan-shape.ts";
import { profileCalls, type QueryProfile, RecordingGraph } from "./profile.ts";
import { elementsOfSize, measureRender, type RenderResult } from "./render.ts";
import { type AppRenderResult, measureAppRender, renderRegions } from "./render-app.ts";
import { type SearchQuality, searchQuality } from "./search-quality.ts";
import { type Latency, summarize, timed } from "./stats.ts";
import { measureWhatIf, type WhatIfOutcome } from "./what-if-measures.ts";

export interface BenchOptions {
  quick: boolean;
  sizes: number[];
  seed: number;
  /** Measure rendering on the data of the last size. */
  render: boolean;
  /**
   * Keep the synthetic graph in the (external) database after the run, and use it as it is when it
   * already holds this size's firms: load measures are then skipped (reported as not measured).
   */
  reuse?: boolean;
  /** Run only these query measures and parts (bench/only.ts); everything when absent. */
  only?: string[];
  /** Also measure the offline bulk path (CSV + neo4j-admin import) at each size, in a Neo4j of its own. */
  offline?: boolean;
  /** An existing Neo4j to use (its synthetic data is removed afterwards); default: NEO4J_URI or a server of the bench's own. */
  connection?: Neo4jConnection;
  log: (line: string) => void;
}

export interface QueryResult {
  name: string;
  description: string;
  available: boolean;
  unavailableReason?: string;
  targetP95Ms?: number;
  raw?: Latency;
  http?: Latency;
  /** HTTP p50 / direct p50: what the app adds on top of the repository call. */
  apiOverhead?: number;
  profile?: { totalDbHits: number; queries: QueryProfile[] };
  /** Plan-shape rules (bench/plan-shape.ts) the reads broke at this size; empty when they held. */
  planProblems?: string[];
  /** 1-minute load average when the measure started and ended: the machine is shared. */
  loadAverage?: [number, number];
}

export interface SizeResult {
  firms: number;
  seed: number;
  neo4j: { source: string; version: string; heap: string; pageCache: string };
  graph: { nodes: number; relationships: number };
  /** Undefined when the run reused an already loaded database (--reuse). */
  load?: {
    generator: GenerateStats;
    seedLoader: LoadRate;
    naive: LoadRate;
    /** Batched rate / naive one-statement-per-row rate, measured in this run. */
    generatorVsNaive: { nodes: number; relationships: number };
    seedLoaderVsNaive: { nodes: number; relationships: number };
  };
  queries: QueryResult[];
  /** /gaps and /targets against the generator's answer key, or why it could not be scored. */
  answerKey: (AnswerKeyScore & { available: true }) | { available: false; reason: string };
  /** hit@5 of what a planner might type (bench/search-quality.ts). */
  searchQuality?: SearchQuality[];
  /** Undefined when `--only` left it out. */
  throughput?: Throughput;
  /** The 图表包's time and size for a few regions (report only). */
  pack?: PackResult;
  /** The offline bulk path (--offline), or why it failed. */
  offline?: (OfflineLoadStats & { available: true; loadAverage: [number, number] }) | { available: false; reason: string };
  /** Issue 18: scenario vs plain gap report, resilience of a county chain, change report. */
  whatIf?: WhatIfOutcome;
}

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverage: number[] };
  sizes: SizeResult[];
  render: RenderResult[];
  /** The app's own chain map for regions with about 500 / 2k / 5k local firms (bench/render-app.ts). */
  appRender?: AppRenderResult[];
  durationSeconds: number;
}

const SETTINGS = {
  quick: {
    probeFirms: 2000,
    naiveSlice: 100,
    warmup: 2,
    minRuns: 3,
    maxRuns: 8,
    budgetMs: 4_000,
    loadSeconds: 5,
    renderSizes: [1000],
    renderTimeoutMs: 20_000,
    exportSets: 3,
    answerKeyPresences: 20,
    searchQueries: 20,
    packRuns: 2,
    /** The app's own chain map (a Vite build and a browser per region): full runs only. */
    appRender: false,
  },
  full: {
    probeFirms: 20_000,
    naiveSlice: 500,
    warmup: 5,
    minRuns: 20,
    maxRuns: 200,
    budgetMs: 40_000,
    loadSeconds: 20,
    renderSizes: [1000, 5000, 10_000],
    renderTimeoutMs: 60_000,
    exportSets: 20,
    answerKeyPresences: 60,
    searchQueries: 200,
    packRuns: 3,
    appRender: true,
  },
};

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const started = performance.now();
  const settings = options.quick ? SETTINGS.quick : SETTINGS.full;
  const sizes: SizeResult[] = [];
  let render: RenderResult[] = [];
  let appRender: AppRenderResult[] | undefined;
  for (const [index, firms] of options.sizes.entries()) {
    const last = index === options.sizes.length - 1;
    const withRender = options.render && last && benchSelection(options.only).part("render");
    const { result, renderResults, appRenderResults } = await benchSize(firms, options, settings, withRender);
    sizes.push(result);
    if (renderResults) render = renderResults;
    if (appRenderResults) appRender = appRenderResults;
  }
  return {
    date: new Date().toISOString(),
    quick: options.quick,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    },
    sizes,
    render,
    appRender,
    durationSeconds: Math.round((performance.now() - started) / 1000),
  };
}

async function benchSize(firms: number, options: BenchOptions, settings: (typeof SETTINGS)["full"], withRender: boolean) {
  const { log } = options;
  const selected = benchSelection(options.only);
  log(`== ${firms} firms`);
  // First, while no other server of the bench runs: the offline path needs its own empty database.
  let offline: SizeResult["offline"];
  if (options.offline) {
    const before = loadNow();
    log(`load: offline bulk path, ${firms} firms (CSV, neo4j-admin import, schema, chain stats; load average ${before})`);
    offline = await measureOfflineLoad(firms, options.seed, memoryFor(firms), log)
      .then((stats) => ({ ...stats, available: true as const, loadAverage: [before, loadNow()] as [number, number] }))
      .catch((error) => ({ available: false as const, reason: (error as Error).message.slice(0, 300) }));
    log(`  offline: ${JSON.stringify(offline)}`);
  }
  const neo4j = await benchNeo4j(firms, log, options.connection);
  const driver = createDriver(neo4j.connection);
  const graph = new Graph(driver, neo4j.connection.database, 600_000);
  try {
    const [component] = await graph.runRaw("CALL dbms.components() YIELD versions RETURN versions[0] AS version");
    const reused = options.reuse === true && (await holdsSyntheticFirms(graph, firms));
    let load: SizeResult["load"];
    if (reused) {
      log(`load: not measured, the database already holds ${firms} synthetic firms (--reuse)`);
      // A database loaded by older code lacks the search keys and their index: added once, then kept.
      await applySchema(graph);
      await backfillNameInitials(graph, log);
    } else load = await measureLoad(graph, neo4j.connection, firms, options, settings);
    // As at the app's start: a database loaded by older code gets the firms' score parts once.
    const backfilled = await backfillFirmScoreParts(graph);
    if (backfilled > 0) log(`score parts written for ${backfilled} firms`);
    const [size] = await graph.read<{ nodes: number; relationships: number }>("warm-bench-cache", {}, 1_200_000);

    const plan = buildPlan(options.seed, firms);
    const pools = parameterPools(plan);
    const sets = selected.measure("export-10k") ? await exportNodeSets(graph, plan, 10_000, settings.exportSets) : [];
    const { app, baseUrl } = await startApp(neo4j.connection, 60_000);
    const queryResults: QueryResult[] = [];
    try {
      for (const measure of measures(pools, sets)) {
        if (!selected.measure(measure.name)) continue;
        log(`query: ${measure.name} (load average ${loadNow()})`);
        const before = loadNow();
        const result = await measureQuery(graph, neo4j.connection.database, baseUrl, measure, settings);
        queryResults.push({ ...result, loadAverage: [before, loadNow()] });
        log(
          `  p50 ${result.raw?.p50} ms, p95 ${result.raw?.p95} ms, HTTP p50 ${result.http?.p50} ms, db hits ${result.profile?.totalDbHits}`,
        );
      }
      // Each part runs unless --only leaves it out (bench/only.ts); a full run runs them all, in this order.
      const part = async <T>(name: BenchPart, line: string, work: () => Promise<T>): Promise<T | undefined> => {
        if (!selected.part(name)) return undefined;
        log(line);
        return work();
      };
      const answerKey: SizeResult["answerKey"] = (await part(
        "answer-key",
        "answer key: /gaps and /targets against the planted gaps and best targets",
        () =>
          answerKeyScores(plan, baseUrl, settings.answerKeyPresences)
            .then((score) => ({ ...score, available: true as const }))
            .catch((error) => ({ available: false as const, reason: (error as Error).message.slice(0, 300) })),
      )) ?? { available: false, reason: NOT_RUN };
      const search = await part("search-quality", "search quality: hit@5 of partial, traditional and mistyped names", () =>
        searchQuality(graph, plan, settings.searchQueries),
      );
      const pack = await part("pack", "pack: 图表包 for a few regions with gaps", () =>
        measurePack(baseUrl, pools.withGaps, settings.packRuns),
      );
      const whatIf = await part("what-if", "what-if: a saved scenario's gap report vs the plain one, resilience, change report", () =>
        measureWhatIf(graph, plan, settings.minRuns, log).catch((error) => ({
          available: false as const,
          reason: (error as Error).message.slice(0, 300),
        })),
      );
      const url = `${baseUrl}/api/nodes/${firmId(0)}/neighbors?depth=1&limit=200`;
      const throughput = await part("throughput", `throughput: autocannon on ${url}`, () => sustainedLoad(url, 16, settings.loadSeconds));

      let renderResults: RenderResult[] | undefined;
      let appRenderResults: AppRenderResult[] | undefined;
      if (withRender) {
        log("render: headless Chromium");
        // Regions and segments first, then firms: their LOCATED_IN / IN_SEGMENT / SUPPLIES ties give about two edges per node, as on a real view.
        const biggest = Math.max(...settings.renderSizes);
        const context = [...plan.regions.map((r) => r.id), ...plan.chains.flatMap((c) => c.segments.map((s) => s.id))];
        const firmIds = Array.from({ length: Math.min(plan.firms, Math.round(biggest / 2)) }, (_, i) => firmId(i));
        const source = await selectedSubgraph(graph, [...context, ...firmIds]);
        const cases = settings.renderSizes.flatMap((n) =>
          (["canvas", "webgl"] as const).map((renderer) => ({ elements: elementsOfSize(source, n), renderer })),
        );
        renderResults = await measureRender(cases, settings.renderTimeoutMs);
        if (settings.appRender) {
          log("render: the app's own chain map in Chromium (500 / 2k / 5k local firms)");
          appRenderResults = await measureAppRender(neo4j.connection, renderRegions(plan, [500, 2000, 5000]), settings.renderTimeoutMs);
        }
      }
      const result: SizeResult = {
        firms,
        seed: options.seed,
        neo4j: { source: neo4j.source, version: String(component?.version), heap: neo4j.heap, pageCache: neo4j.pageCache },
        graph: size ?? { nodes: 0, relationships: 0 },
        load,
        queries: queryResults,
        answerKey,
        searchQuality: search,
        throughput,
        pack,
        offline,
        whatIf,
      };
      return { result, renderResults, appRenderResults };
    } finally {
      await app.close();
    }
  } finally {
    // A server the bench did not start keeps its real data and loses the synthetic graph.
    if (neo4j.source === "env" && !options.reuse)
      await removeSynthetic(graph).catch((error) => log(`could not remove synthetic data: ${error}`));
    await driver.close();
    await neo4j.stop();
  }
}

const loadNow = () => Math.round(os.loadavg()[0]! * 100) / 100;

async function holdsSyntheticFirms(graph: Graph, firms: number): Promise<boolean> {
  const row = await graph.readOne<{ firms: number }>("count-synthetic-firms");
  return row?.firms === firms;
}

/** The demo seed, the demo loader on a probe slice, the naive baseline, then the generator at full size. */
async function measureLoad(
  graph: Graph,
  connection: Neo4jConnection,
  firms: number,
  options: BenchOptions,
  settings: (typeof SETTINGS)["full"],
): Promise<NonNullable<SizeResult["load"]>> {
  const { log } = options;
  await applySchema(graph);
  await seedFromDir(graph);
  log("load: demo loader on a probe slice, then the naive baseline");
  const seedLoader = await measureSeedLoader(graph, settings.probeFirms);
  const naive = await measureNaive(graph, settings.naiveSlice);
  log(`load: generator, ${firms} firms (own process, load average ${loadNow()})`);
  const generator = await runGenerator(connection, firms, options.seed, log);
  const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
  return {
    generator,
    seedLoader,
    naive,
    generatorVsNaive: {
      nodes: ratio(generator.nodesPerSecond, naive.nodesPerSecond),
      relationships: ratio(generator.relationshipsPerSecond, naive.relationshipsPerSecond),
    },
    seedLoaderVsNaive: {
      nodes: ratio(seedLoader.nodesPerSecond, naive.nodesPerSecond),
      relationships: ratio(seedLoader.relationshipsPerSecond, naive.relationshipsPerSecond),
    },
  };
}

/**
 * Warm-up, then direct repository calls and HTTP requests interleaved with the same varied
 * parameters (taking turns at going first) until the run count or time budget is reached;
 * PROFILE of the reads once.
 */
async function measureQuery(
  graph: Graph,
  database: string,
  baseUrl: string,
  measure: Measure,
  settings: (typeof SETTINGS)["full"],
): Promise<QueryResult> {
  const base = { name: measure.name, description: measure.description, targetP95Ms: measure.targetP95Ms };
  try {
    for (let i = 0; i < settings.warmup; i++) {
      await measure.raw(graph, measure.params(i));
      await request(baseUrl, measure.http(measure.params(i)));
    }
    const raw: number[] = [];
    const http: number[] = [];
    const deadline = performance.now() + settings.budgetMs;
    for (let i = settings.warmup; raw.length < settings.maxRuns; i++) {
      const params = measure.params(i);
      // The first call with new parameters pays for reading their part of the store; the second
      // finds it cached. Taking turns at going first gives direct and HTTP the same share of that.
      const direct = () => timed(() => measure.raw(graph, params));
      const overHttp = () => timed(() => request(baseUrl, measure.http(params)));
      if (i % 2 === 0) {
        raw.push((await direct()).ms);
        http.push((await overHttp()).ms);
      } else {
        http.push((await overHttp()).ms);
        raw.push((await direct()).ms);
      }
      if (raw.length >= settings.minRuns && performance.now() > deadline) break;
    }
    const recording = new RecordingGraph(graph.driver, database, 600_000);
    await measure.raw(recording, measure.params(0));
    const queries = await profileCalls(graph, recording.calls);
    const planProblems: string[] = [];
    for (const call of recording.calls) {
      const shape = await explainShape(graph, call.name, call.params, { anchored: !UNANCHORED.has(call.name) });
      planProblems.push(...shape.problems.map((p) => `${call.name}: ${p}`));
    }
    const rawLatency = summarize(raw);
    const httpLatency = summarize(http);
    return {
      ...base,
      available: true,
      raw: rawLatency,
      http: httpLatency,
      apiOverhead: Math.round((httpLatency.p50 / rawLatency.p50) * 100) / 100,
      profile: { totalDbHits: queries.reduce((n, q) => n + q.dbHits, 0), queries },
      planProblems,
    };
  } catch (error) {
    return { ...base, available: false, unavailableReason: (error as Error).message.slice(0, 300) };
  }
}
