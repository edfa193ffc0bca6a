import { type FirmFacts, referencedIds, type ScenarioChange } from "../analysis/scenarios/changes.ts";
import { applyScenario, type GapRows, type Overlaid } from "../analysis/scenarios/overlay.ts";
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

/** The gap rows under a scenario's changes: one read of the firms they name, then the pure overlay. */
export async function overlayRows(graph: Graph, rows: GapRows, changes: ScenarioChange[], scope: TieScope): Promise<Overlaid> {
  const facts = await readFirmFacts(graph, referencedIds(changes), scope);
  return applyScenario(rows, changes, facts);
}
