import type { Chain, ChainDetail } from "../../model/api/explore.ts";
import { STAGES, type Stage } from "../../model/domain.ts";
import type { Graph } from "../db/graph.ts";
import { type EdgeRow, type NodeRow, toElements } from "../graph/elements.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { dropNulls } from "./drop-nulls.ts";

/**
 * Every chain with the regions that develop it (DEVELOPS) or hold firms in its segments. The
 * firm regions are precomputed per chain (server/repositories/chain-stats.ts, rewritten on every
 * import, revert and load), so the list reads one small node per chain and needs no cache.
 */
export async function listChains(graph: Graph): Promise<Chain[]> {
  return readChains(graph);
}

async function readChains(graph: Graph): Promise<Chain[]> {
  const rows = await graph.read<{ id: string; name: string; nameEn: string | null; developedBy: string[]; firmRegions: string[] }>(
    "list-chains",
  );
  return rows.map(({ developedBy, firmRegions, ...chain }) => ({
    ...dropNulls(chain),
    regions: [...new Set([...developedBy, ...firmRegions])].sort(),
    developedBy: [...new Set(developedBy)].sort(),
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
