import type { FirmFacts } from "../analysis/scenarios/changes.ts";
import type { Graph } from "../db/graph.ts";

/** Upper bound on a firm's suppliers (and, apart, customers) read for a change or a knock-out. */
export const FIRM_TIE_CAP = 5000;

export interface TieScope {
  chain: string;
  regionIds: string[];
  /** The province around the region: suppliers inside it are not "outside the province". */
  provinceIds?: string[];
}

/** Firms and projects by id with their segments, locality, leader role and supply partners (find-firm-ties). */
export async function readFirmFacts(graph: Graph, ids: string[], scope: TieScope): Promise<Map<string, FirmFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await graph.read<FirmFacts & Record<string, unknown>>("find-firm-ties", {
    ids,
    chain: scope.chain,
    regionIds: scope.regionIds,
    provinceIds: scope.provinceIds ?? [],
    tieCap: FIRM_TIE_CAP,
  });
  return new Map(rows.map((r) => [r.node.id, r]));
}

export async function findProvinceIds(graph: Graph, region: string): Promise<string[]> {
  const row = await graph.readOne<{ provinceIds: string[] }>("find-region-province", { region });
  return row?.provinceIds ?? [region];
}
