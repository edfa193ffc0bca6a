import type { EntityLabel, RelationshipType } from "../../model/domain.ts";
import type { Graph } from "../../server/db/graph.ts";
import { applySchema } from "../../server/db/schema.ts";
import { refreshChainStats } from "../../server/repositories/chain-stats.ts";
import { firmRowValues, relRowValues } from "../../server/seed/positional-rows.ts";
import { BatchWriter } from "./batch-writer.ts";
import { firmNode, firmPlaces, firmRelations } from "./firms.ts";
import { buildPlan, type Plan } from "./plan.ts";
import { planNodes, planRelations } from "./plan-rows.ts";
import { RateTimeline } from "./rate-timeline.ts";
import type { NodeRow, RelRow } from "./types.ts";

export interface GenerateOptions {
  seed: number;
  firms: number;
  /** Rows per transaction. */
  batchSize?: number;
  /** Transactions in flight at once. */
  concurrency?: number;
  progress?: (done: number, total: number, what: string) => void;
  /**
   * Build the full-text index once after the bulk write instead of keeping it current on every
   * batch. Default: only on a first load (no :Entity in the database), where nothing can be
   * searched meanwhile.
   */
  deferFullText?: boolean;
}

export interface GenerateStats {
  seed: number;
  firms: number;
  nodes: number;
  relationships: number;
  nodeSeconds: number;
  relationshipSeconds: number;
  nodesPerSecond: number;
  relationshipsPerSecond: number;
  /** The same rates over the second half of each phase only (rate-timeline.ts): the JVM's warm-up is in the first. */
  nodesPerSecondSecondHalf: number | null;
  relationshipsPerSecondSecondHalf: number | null;
  /** Peak resident memory of this (the loading) process, from the OS. */
  peakRssBytes: number;
  batchSize: number;
  concurrency: number;
  /** Rewriting the per-chain aggregates after the load (server/repositories/chain-stats.ts). */
  chainStatsSeconds: number;
  /** Batches written again after a transient error (deadlock between concurrent batches). */
  retries: number;
  /** Whether the full-text index was dropped for the write and rebuilt after it. */
  deferredFullText: boolean;
  /** Rebuilding it over the loaded graph (0 when not deferred); not part of the two rates above. */
  fullTextSeconds: number;
}

export class SyntheticDataPresent extends Error {}

/** Schema indexes (cypher/schema) a first load drops and rebuilds after its bulk write. */
const DEFERRED_INDEXES = ["entity_names", "entity_initials"];

/** Relationships per firm on average (LOCATED_IN, IN_SEGMENT, ~2.4 SUPPLIES, 1/6 HOSTS): only for the progress bar. */
const RELS_PER_FIRM_ESTIMATE = 4.6;

/**
 * Streams a synthetic ecosystem into Neo4j: all nodes first (plan entities, then firms chunk by
 * chunk), then all relationships, so every relationship statement finds both ends by the unique
 * :Entity(id) index. Memory holds the plan and one batch per relationship type, not the graph.
 */
export async function generateSynthetic(graph: Graph, options: GenerateOptions): Promise<{ plan: Plan; stats: GenerateStats }> {
  const batchSize = options.batchSize ?? 10_000;
  const existing = await graph.readOne<{ nodes: number }>("count-synthetic");
  if ((existing?.nodes ?? 0) > 0) {
    throw new SyntheticDataPresent(`the database already holds ${existing?.nodes} synthetic nodes; remove them first (--remove)`);
  }
  const deferredFullText = options.deferFullText ?? ((await graph.readOne<{ entities: number }>("count-entities"))?.entities ?? 0) === 0;
  // A full-text (Lucene) index updated inside every commit costs more than the write itself.
  if (deferredFullText) for (const name of DEFERRED_INDEXES) await graph.runRaw(`DROP INDEX ${name} IF EXISTS`);
  const plan = buildPlan(options.seed, options.firms);
  const nodeGroups = planNodes(plan);
  const planNodeCount = nodeGroups.reduce((n, [, rows]) => n + rows.length, 0);
  const relGroups = planRelations(plan);
  const planRelCount = relGroups.reduce((n, [, rows]) => n + rows.length, 0);
  const totalNodes = planNodeCount + plan.firms;
  let estimate = totalNodes + planRelCount + plan.firms * RELS_PER_FIRM_ESTIMATE;
  let done = 0;
  let what = "nodes";
  const concurrency = options.concurrency ?? 2;
  const timelines = { nodes: new RateTimeline(), relationships: new RateTimeline() };
  let timeline = timelines.nodes;
  const writer = new BatchWriter(graph, concurrency, (rows) => {
    timeline.add(rows);
    done += rows;
    estimate = Math.max(estimate, done + 1);
    options.progress?.(done, estimate, what);
  });

  const nodesStarted = performance.now();
  for (const [label, rows] of nodeGroups) {
    for (let i = 0; i < rows.length; i += batchSize) await writeNodes(writer, label, rows.slice(i, i + batchSize));
  }
  what = "firms";
  for (let start = 0; start < plan.firms; start += batchSize) {
    const end = Math.min(plan.firms, start + batchSize);
    const rows: NodeRow[] = [];
    for (const place of firmPlaces(plan, start, end)) rows.push(firmNode(plan, place));
    await writeNodes(writer, "Firm", rows);
  }
  const afterNodes = await writer.flush();
  const nodeSeconds = (performance.now() - nodesStarted) / 1000;

  const relsStarted = performance.now();
  timeline = timelines.relationships;
  what = "relationships";
  for (const [type, rows] of relGroups) {
    for (let i = 0; i < rows.length; i += batchSize) await writeRelations(writer, type, rows.slice(i, i + batchSize));
  }
  const buffers = new Map<RelationshipType, RelRow[]>();
  const emit = (type: RelationshipType, row: RelRow) => {
    const buffer = buffers.get(type) ?? [];
    buffer.push(row);
    buffers.set(type, buffer);
  };
  // Firms in slices; a type's buffer is written once it reaches a batch, so memory stays bounded.
  const slice = Math.max(1, Math.floor(batchSize / 4));
  for (let start = 0; start < plan.firms; start += slice) {
    for (const place of firmPlaces(plan, start, Math.min(plan.firms, start + slice))) firmRelations(plan, place, emit);
    for (const [type, buffer] of buffers) {
      if (buffer.length >= batchSize) {
        buffers.set(type, []);
        await writeRelations(writer, type, buffer);
      }
    }
  }
  for (const [type, buffer] of buffers) if (buffer.length > 0) await writeRelations(writer, type, buffer);
  const counts = await writer.flush();
  const relationshipSeconds = (performance.now() - relsStarted) / 1000;
  // The schema's own statement (IF NOT EXISTS) recreates what was dropped, and waits until it is online.
  const indexStarted = performance.now();
  if (deferredFullText) await applySchema(graph, { awaitSeconds: 3_600 });
  const fullTextSeconds = deferredFullText ? (performance.now() - indexStarted) / 1000 : 0;
  // The per-chain aggregates the chain list and relatedness read; timed apart from the load rates.
  const statsStarted = performance.now();
  await refreshChainStats(graph, 1_200_000);
  const chainStatsSeconds = (performance.now() - statsStarted) / 1000;

  const relationships = counts.relationshipsCreated;
  return {
    plan,
    stats: {
      seed: options.seed,
      firms: options.firms,
      nodes: afterNodes.nodesCreated,
      relationships,
      nodeSeconds,
      relationshipSeconds,
      nodesPerSecond: afterNodes.nodesCreated / nodeSeconds,
      relationshipsPerSecond: relationships / relationshipSeconds,
      nodesPerSecondSecondHalf: timelines.nodes.secondHalfRate(),
      relationshipsPerSecondSecondHalf: timelines.relationships.secondHalfRate(),
      chainStatsSeconds,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      batchSize,
      concurrency,
      retries: writer.retries,
      deferredFullText,
      fullTextSeconds,
    },
  };
}

function writeNodes(writer: BatchWriter, label: EntityLabel, rows: NodeRow[]) {
  // Firms are nearly all the nodes: they go as lists (server/seed/positional-rows.ts); the plan's few thousand others as maps.
  if (label === "Firm") return writer.write("create-synthetic-firms", { rows: rows.map(firmRowValues) });
  return writer.write("create-synthetic-nodes", { label, rows });
}

function writeRelations(writer: BatchWriter, type: RelationshipType, rows: RelRow[]) {
  return writer.write("create-synthetic-relations", { type, rows: rows.map(relRowValues) });
}
