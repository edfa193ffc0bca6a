import { referencedIds, type ScenarioChange } from "../analysis/scenarios/changes.ts";
import { applyScenario, type GapRows, type Overlaid } from "../analysis/scenarios/overlay.ts";
import type { Graph } from "../db/graph.ts";
import { readFirmFacts, type TieScope } from "../repositories/firm-ties.ts";

/** The gap rows under a scenario's changes: one read of the firms they name, then the pure overlay. */
export async function overlayRows(graph: Graph, rows: GapRows, changes: ScenarioChange[], scope: TieScope): Promise<Overlaid> {
  const facts = await readFirmFacts(graph, referencedIds(changes), scope);
  return applyScenario(rows, changes, facts);
}
