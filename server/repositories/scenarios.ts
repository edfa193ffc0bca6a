import { randomBytes } from "node:crypto";
import type { PlannerChange } from "../analysis/scenarios/changes.ts";
import type { Graph } from "../db/graph.ts";
import { NotFoundError } from "../lib/not-found.ts";
import type { EnclaveMode } from "./analysis.ts";

export interface ScenarioInput {
  name: string;
  description?: string;
  chain: string;
  region: string;
  enclaves: EnclaveMode;
  changes: PlannerChange[];
}

export interface Scenario extends ScenarioInput {
  id: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Stored as (:Scenario) with the changes as one JSON text: no :Entity label, so no graph read or export sees it. */
type StoredScenario = Omit<Scenario, "changes"> & { changes: string };

function fromStored(row: StoredScenario): Scenario {
  return { ...row, changes: JSON.parse(row.changes) as PlannerChange[] };
}

export function newScenarioId(now = new Date()): string {
  return `scenario-${now.toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(4).toString("hex")}`;
}

export async function getScenario(graph: Graph, id: string): Promise<Scenario> {
  const row = await graph.readOne<{ scenario: StoredScenario }>("find-scenario", { id });
  if (!row) throw new NotFoundError(`scenario "${id}"`);
  return fromStored(row.scenario);
}

export async function listScenarios(graph: Graph, chain: string | undefined, limit: number): Promise<Scenario[]> {
  const rows = await graph.read<{ scenario: StoredScenario }>("list-scenarios", { chain: chain ?? null, limit });
  return rows.map((r) => fromStored(r.scenario));
}

/** Writes the scenario as given; callers check that it applies first (services/scenarios.ts). */
export async function writeScenario(graph: Graph, scenario: Scenario): Promise<void> {
  const props = Object.fromEntries(
    Object.entries({ ...scenario, changes: JSON.stringify(scenario.changes) }).filter(([, v]) => v !== undefined),
  );
  await graph.writeTransaction((tx) => tx.run("save-scenario", { id: scenario.id, props }));
}

export async function deleteScenario(graph: Graph, id: string): Promise<void> {
  const rows = await graph.writeTransaction((tx) => tx.run<{ deleted: number }>("delete-scenario", { id }));
  if ((rows[0]?.deleted ?? 0) === 0) throw new NotFoundError(`scenario "${id}"`);
}
