import type { Chain, ChainDetail } from "../../model/api/explore.ts";
import { STAGES, type Stage } from "../../model/domain.ts";
import type { Graph } from "../db/graph.ts";
import { type EdgeRow, type NodeRow, toElements } from "../graph/elements.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { dropNulls } from "./drop-nulls.ts";

/**
 * Every chain with the regions that develop it (DEVELOPS) or hold firms in its segments.
 * The chain list reads every firm of every chain (which regions hold them), seconds at a million
 * firms, and every page load asks for it, so each app keeps the answer, tagged with the graph's
 * data stamp: every import and revert bumps the stamp (bump-data-version), and the next request on
 * any instance reads the list again. Writes that bypass the import (a raw seed load) are caught by
 * CHAIN_LIST_TTL_MS. Keyed by Graph, so each app has its own.
 */
export const CHAIN_LIST_TTL_MS = 30_000;
const chainLists = new WeakMap<Graph, { at: number; version: number; chains: Promise<Chain[]> }>();

export async function listChains(graph: Graph, now = Date.now()): Promise<Chain[]> {
  const version = await dataVersion(graph);
  const cached = chainLists.get(graph);
  if (cached && cached.version === version && now - cached.at < CHAIN_LIST_TTL_MS) return cached.chains;
  const chains = readChains(graph);
  chainLists.set(graph, { at: now, version, chains });
  // A failed read (Neo4j down) is not kept: the next request tries again.
  chains.catch(() => chainLists.delete(graph));
  return chains;
}

/** The graph's data stamp: changes with every import and revert, on whichever instance ran it. */
export async function dataVersion(graph: Graph): Promise<number> {
  const row = await graph.readOne<{ version: number }>("find-data-version");
  return Number(row?.version ?? 0);
}

async function readChains(graph: Graph): Promise<Chain[]> {
  const rows = await graph.read<{ id: string; name: string; nameEn: string | null; developedBy: string[]; firmRegions: string[] }>(
    "list-chains",
  );
  return rows.map(({ developedBy, firmRegions, ...chain }) => ({
    ...dropNulls(chain),
    regions: [...new Set([...developedBy, ...firmRegions])].sort(),
  }));
}

const stageIndex = (stage: string) => (STAGES as readonly string[]).indexOf(stage);

/** One chain's structure: segments upstream to downstream, sub-segments under their parents, expected flows. */
export async function getChain(graph: Graph, id: string): Promise<ChainDetail> {
  const row = await graph.readOne<{ chain: NodeRow; segments: NodeRow[]; edges: EdgeRow[] }>("get-chain", { id });
  if (!row) throw new NotFoundError(`chain ${id}`);
  const parentOf = new Map(row.edges.filter((e) => e.type === "SUB_SEGMENT_OF").map((e) => [e.from, e.to]));
  const segments = row.segments
    .map((s) =>
      dropNulls({
        id: s.id,
        name: String(s.name ?? s.id),
        nameEn: (s.nameEn as string | undefined) ?? null,
        // Written only through the segment schema (model/domain.ts), which requires a stage.
        stage: s.stage as Stage,
        parent: parentOf.get(s.id) ?? null,
        assumption: (s.assumption as string | undefined) ?? null,
      }),
    )
    .sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage) || a.id.localeCompare(b.id));
  const { chain } = row;
  return {
    chain: dropNulls({ id: chain.id, name: String(chain.name ?? chain.id), nameEn: (chain.nameEn as string | undefined) ?? null }),
    segments,
    flows: row.edges.filter((e) => e.type === "FEEDS").map((e) => ({ from: e.from, to: e.to })),
    elements: toElements([chain, ...row.segments], row.edges),
  };
}
