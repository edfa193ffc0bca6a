import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticChecksum } from "../../../seeds/synthetic/checksum.ts";
import { generateSynthetic } from "../../../seeds/synthetic/generate.ts";
import { plantedGaps } from "../../../seeds/synthetic/manifest.ts";
import { type OfflineLoad, offlineLoad } from "../../../seeds/synthetic/offline-load.ts";
import { removeSynthetic } from "../../../seeds/synthetic/remove.ts";
import { buildApp } from "../../../server/app.ts";
import type { Neo4jConnection } from "../../../server/config.ts";
import { createDriver } from "../../../server/db/driver.ts";
import { Graph } from "../../../server/db/graph.ts";
import { missingSchema } from "../../../server/db/schema.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";

/**
 * The offline bulk path (CSV → neo4j-admin import → schema → chain stats) against the online
 * batched load of the same seed: the same synthetic graph (nodes, labels, properties, ties; an empty
 * list, which neo4j-admin cannot store, counts as absent) and the same /gaps and /targets answers.
 */
const FIRMS = 3_000;
const SEED = 11;
const online = testGraph();
let offline: OfflineLoad;
let offlineGraph: Graph;
let stateDir: string;

const countsQuery = `MATCH (n:Synthetic)
  WITH [l IN labels(n) WHERE NOT l IN ['Entity', 'Synthetic']][0] AS label, count(*) AS nodes
  RETURN label, nodes ORDER BY label`;
const relCountsQuery = `MATCH (:Synthetic)-[r]->(:Synthetic) RETURN type(r) AS type, count(*) AS rels ORDER BY type`;

interface GapsReply {
  findings: { id: string; kind: string; severity: string; segment?: string; priority: number }[];
  summary: unknown;
  leaders: unknown[];
  segments: { id: string; localFirms: number; aboveScaleFirms: number; localSupport: number; firmIds: string[] }[];
}
interface TargetsReply {
  total: number;
  targets: { rank: number; score: number; firm: { id: string } }[];
}

/**
 * What a planner reads in /gaps and /targets, in the app's own order: findings with kind, severity
 * and priority; the summary; leader ratios; per-segment counts; targets with rank and score. Left
 * out: which firms a sample names (a segment's `firmIds` is `collect(f.id)[..$firmSample]`, a
 * finding's evidence ids), which follows the store's record order: another load that wrote the
 * records in another order picks other, equally valid, firms (their number is compared).
 */
function answerOf(url: string, body: unknown) {
  if (url.includes("/gaps?")) {
    const r = body as GapsReply;
    return {
      findings: r.findings.map((f) => [f.id, f.kind, f.severity, f.segment, f.priority]),
      summary: r.summary,
      leaders: r.leaders,
      segments: r.segments.map((s) => [s.id, s.localFirms, s.aboveScaleFirms, s.localSupport, s.firmIds.length]),
    };
  }
  const r = body as TargetsReply;
  return { total: r.total, targets: r.targets.map((t) => [t.firm.id, t.rank, t.score]) };
}

/** The answers of /gaps for planted presences and /targets for their missing segments. */
async function answers(connection: Neo4jConnection, plan: OfflineLoad["plan"]) {
  const app = await buildApp(testConfig({ neo4j: connection }));
  await app.ready();
  try {
    const replies: Record<string, unknown> = {};
    let targets = 0;
    for (const p of plantedGaps(plan).slice(0, 10)) {
      const base = `/api/chains/${encodeURIComponent(p.chain)}`;
      const region = `region=${encodeURIComponent(p.region)}`;
      const segments = p.missing.slice(0, 2);
      const urls = [
        `${base}/gaps?${region}`,
        ...segments.map((s) => `${base}/targets?${region}&segment=${encodeURIComponent(s)}&limit=50`),
      ];
      for (const url of urls) {
        const res = await app.inject({ url });
        expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
        replies[url] = answerOf(url, res.json());
        if (url.includes("/targets?")) targets += (res.json() as TargetsReply).targets.length;
      }
    }
    return { replies, targets };
  } finally {
    await app.close();
  }
}

beforeAll(async () => {
  await removeSynthetic(online);
  await generateSynthetic(online, { seed: SEED, firms: FIRMS, batchSize: 1_000 });
  stateDir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-offline-"));
  offline = await offlineLoad({
    seed: SEED,
    firms: FIRMS,
    stateDir,
    csvDir: path.join(stateDir, "csv"),
    heap: "512m",
    pageCache: "256m",
    // Stopped with the test run even if it is killed (neo4j-local/orphan-watchdog.ts).
    serverMode: { throwaway: true },
    log: () => {},
  });
  offlineGraph = new Graph(createDriver(offline.connection), "neo4j", 60_000);
}, 600_000);

afterAll(async () => {
  await offlineGraph?.driver.close();
  await offline?.server.stop();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
  await removeSynthetic(online);
  await online.driver.close();
});

describe("offline bulk load (neo4j-admin import) against the online load", () => {
  it("imports every node and relationship the online load writes, with the same labels, ids, properties and ties", async () => {
    expect(offline.stats.nodes).toBeGreaterThan(FIRMS);
    const [onlineNodes, offlineNodes] = await Promise.all([online.runRaw(countsQuery), offlineGraph.runRaw(countsQuery)]);
    expect(offlineNodes).toEqual(onlineNodes);
    const [onlineRels, offlineRels] = await Promise.all([online.runRaw(relCountsQuery), offlineGraph.runRaw(relCountsQuery)]);
    expect(offlineRels).toEqual(onlineRels);
    const onlineSum = await syntheticChecksum(online, 5_000, { emptyListsAsAbsent: true });
    const offlineSum = await syntheticChecksum(offlineGraph, 5_000, { emptyListsAsAbsent: true });
    expect(onlineSum.nodes).toBe(offline.stats.nodes);
    expect(onlineSum.relationships).toBe(offline.stats.relationships);
    expect(offlineSum).toEqual(onlineSum);
  });

  it("leaves the app's schema online and the per-chain stats written", async () => {
    expect(await missingSchema(offlineGraph)).toEqual([]);
    const [stats] = await offlineGraph.runRaw("MATCH (s:ChainStats) RETURN count(s) AS chains");
    expect(stats?.chains).toBe(offline.plan.chains.length);
  });

  it("gives the same /gaps and /targets answers as the online load", async () => {
    const onlineConnection = testConfig().neo4j;
    const a = await answers(onlineConnection, offline.plan);
    const b = await answers(offline.connection, offline.plan);
    expect(Object.keys(a.replies).length).toBeGreaterThan(10);
    expect(a.targets).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
