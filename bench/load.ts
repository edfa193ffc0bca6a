import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EntityLabel, RelationshipType } from "../model/domain.ts";
import { firmNode, firmPlaces, firmRelations } from "../seeds/synthetic/firms.ts";
import type { GenerateStats } from "../seeds/synthetic/generate.ts";
import { type OfflineLoadStats, offlineLoad } from "../seeds/synthetic/offline-load.ts";
import { buildPlan } from "../seeds/synthetic/plan.ts";
import { planNodes, planRelations } from "../seeds/synthetic/plan-rows.ts";
import { removeSynthetic } from "../seeds/synthetic/remove.ts";
import type { Neo4jConnection } from "../server/config.ts";
import type { Graph } from "../server/db/graph.ts";
import { loadSeedRows } from "../server/seed/load-seed.ts";
import { SYNTHETIC_PROVENANCE } from "../server/seed/synthetic-provenance.ts";
import type { EntityRow, GraphRows, RelationRow } from "../server/seed/to-graph-rows.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Runs the synthetic generator as its own process (npm run seed:synthetic), so its peak RSS is the
 * loader's alone, and returns the figures it prints.
 */
export function runGenerator(
  connection: Neo4jConnection,
  firms: number,
  seed: number,
  log: (line: string) => void,
): Promise<GenerateStats> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // The bench's database holds only the demo seed, which nobody searches during the load: the
      // full-text indexes are rebuilt after the write, as on a first load, and timed apart.
      [
        "--import",
        "tsx",
        path.join(ROOT, "seeds/synthetic/cli.ts"),
        "--firms",
        String(firms),
        "--seed",
        String(seed),
        "--defer-full-text",
        "--json",
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NEO4J_URI: connection.uri,
          NEO4J_USER: connection.user,
          NEO4J_PASSWORD: connection.password,
          NEO4J_DATABASE: connection.database,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stats: GenerateStats | undefined;
    let tail = "";
    const onLine = (line: string) => {
      if (line.startsWith("STATS ")) stats = JSON.parse(line.slice("STATS ".length));
      else if (line.trim()) log(`  generator: ${line.trim()}`);
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = "";
      stream.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        tail = `${tail}${chunk}`.slice(-2000);
        const lines = buffer.split(/[\r\n]/);
        buffer = lines.pop() ?? "";
        lines.forEach(onLine);
      });
    }
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && stats) resolve(stats);
      else reject(new Error(`the generator exited with ${code}: ${tail}`));
    });
  });
}

/** A slice of a small synthetic ecosystem in the demo loader's row shape, under ids of its own (prb-). */
export function probeRows(firms: number): { rows: GraphRows; ids: string[] } {
  const plan = buildPlan(4242, Math.max(2000, firms));
  const rename = (id: string) => id.replace(":syn-", ":prb-");
  const entities = new Map<EntityLabel, EntityRow[]>();
  const relations = new Map<RelationshipType, RelationRow[]>();
  const ids: string[] = [];
  const addEntity = (label: EntityLabel, id: string, props: EntityRow["props"]) => {
    const row = { id: rename(id), props: { ...props, id: rename(id), ...SYNTHETIC_PROVENANCE } };
    entities.set(label, [...(entities.get(label) ?? []), row]);
    ids.push(row.id);
  };
  const addRelation = (type: RelationshipType, row: RelationRow) => {
    const list = relations.get(type) ?? [];
    list.push({ ...row, from: rename(row.from), to: rename(row.to), props: { ...row.props, ...SYNTHETIC_PROVENANCE } });
    relations.set(type, list);
  };
  for (const [label, rows] of planNodes(plan)) for (const row of rows) addEntity(label, row.id, row.props);
  for (const place of firmPlaces(plan, 0, plan.firms)) {
    const node = firmNode(plan, place);
    addEntity("Firm", node.id, node.props);
  }
  for (const [type, rows] of planRelations(plan)) for (const row of rows) addRelation(type, row);
  for (const place of firmPlaces(plan, 0, plan.firms)) firmRelations(plan, place, addRelation);
  return { rows: { documents: [], entities, relations }, ids };
}

export interface LoadRate {
  nodes: number;
  relationships: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
}

async function removeProbe(graph: Graph, ids: string[]) {
  for (let i = 0; i < ids.length; i += 10_000) {
    await graph.writeTransaction((tx) => tx.run("label-bench-probe", { ids: ids.slice(i, i + 10_000) }));
  }
  await removeSynthetic(graph);
}

/** The demo loader (server/seed/load-seed.ts: batched UNWIND … MERGE in one transaction) on the probe rows. */
export async function measureSeedLoader(graph: Graph, firms: number): Promise<LoadRate> {
  const { rows, ids } = probeRows(firms);
  const nodeCount = [...rows.entities.values()].reduce((n, l) => n + l.length, 0);
  let nodesDoneAt = 0;
  const started = performance.now();
  const counts = await loadSeedRows(graph, rows, (done) => {
    if (done <= nodeCount) nodesDoneAt = performance.now();
  });
  const ended = performance.now();
  await removeProbe(graph, ids);
  return rate(counts.nodesCreated, counts.relationshipsCreated, (nodesDoneAt - started) / 1000, (ended - nodesDoneAt) / 1000);
}

/** The naive way: one statement and one transaction per row, on the first `slice` nodes and relationships. */
export async function measureNaive(graph: Graph, slice: number): Promise<LoadRate> {
  const { rows, ids } = probeRows(2000);
  const nodes = [...rows.entities].flatMap(([label, list]) => list.map((row) => ({ label, row }))).slice(0, slice);
  const written = new Set(nodes.map((n) => n.row.id));
  const rels = [...rows.relations]
    .flatMap(([type, list]) => list.map((row) => ({ type, row })))
    .filter((r) => written.has(r.row.from) && written.has(r.row.to))
    .slice(0, slice);
  const t0 = performance.now();
  for (const { label, row } of nodes) await graph.writeTransaction((tx) => tx.runCounted("merge-entities", { label, rows: [row] }));
  const t1 = performance.now();
  for (const { type, row } of rels) await graph.writeTransaction((tx) => tx.runCounted("merge-relations", { type, rows: [row] }));
  const t2 = performance.now();
  await removeProbe(graph, ids);
  return rate(nodes.length, rels.length, (t1 - t0) / 1000, (t2 - t1) / 1000);
}

function rate(nodes: number, relationships: number, nodeSeconds: number, relSeconds: number): LoadRate {
  return {
    nodes,
    relationships,
    nodesPerSecond: Math.round(nodes / nodeSeconds),
    relationshipsPerSecond: Math.round(relationships / relSeconds),
  };
}

/**
 * The offline bulk path at full size into a Neo4j of its own (own state folder, own port): CSV,
 * neo4j-admin import, start, schema, chain stats. The server and its files are removed afterwards.
 */
export async function measureOfflineLoad(
  firms: number,
  seed: number,
  memory: { heap: string; pageCache: string },
  log: (line: string) => void,
): Promise<OfflineLoadStats> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), "chain-atlas-offline-"));
  try {
    const { stats, server } = await offlineLoad({
      seed,
      firms,
      stateDir,
      csvDir: path.join(stateDir, "csv"),
      ...memory,
      serverMode: { throwaway: true },
      log,
    });
    await server.stop();
    return stats;
  } finally {
    await rm(stateDir, { recursive: true, force: true });
  }
}
