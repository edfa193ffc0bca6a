import { ScenarioConflict } from "../analysis/scenarios/changes.ts";
import { compareFindings } from "../analysis/scenarios/outcome.ts";
import type { Graph } from "../db/graph.ts";
import { toEdgeData, toElements, toNodeData } from "../graph/elements.ts";
import { fieldPath } from "../lib/field-path.ts";
import { InvalidInputError } from "../lib/invalid-input.ts";
import { findNodes } from "../repositories/analysis.ts";
import { getScenario, newScenarioId, type Scenario, type ScenarioInput, writeScenario } from "../repositories/scenarios.ts";
import { analyseChainGaps } from "./gap-analysis.ts";

/**
 * Saves a scenario after applying it once to the real rows: an unknown id or a contradiction is
 * refused (400 naming the change) before anything is written, so a saved scenario always applies.
 */
export async function saveScenario(graph: Graph, input: ScenarioInput, user: string, id?: string): Promise<Scenario> {
  const existing = id ? await getScenario(graph, id) : undefined;
  await analyseChainGaps(graph, { chain: input.chain, region: input.region, enclaves: input.enclaves, changes: input.changes }).catch(
    (error: unknown) => {
      // The overlay names a change by its place in the list; here that list is the request body.
      if (error instanceof ScenarioConflict) throw new ScenarioConflict(fieldPath("body", error.field), error.reason);
      throw error;
    },
  );
  const now = new Date().toISOString();
  const scenario: Scenario = {
    ...input,
    id: existing?.id ?? newScenarioId(),
    createdBy: existing?.createdBy ?? user,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await writeScenario(graph, scenario);
  return scenario;
}

/**
 * The changes to compute an analysis route under (`scenario=`): the scenario must be of the
 * route's chain; a region other than its own gets a 400, since its changes were judged there.
 */
export async function scenarioChanges(graph: Graph, id: string | undefined, chain: string, region?: string) {
  if (!id) return undefined;
  const scenario = await getScenario(graph, id);
  if (scenario.chain !== chain)
    throw new InvalidInputError("querystring.scenario", `scenario "${id}" is for chain "${scenario.chain}", not "${chain}"`);
  if (region && scenario.region !== region)
    throw new InvalidInputError("querystring.scenario", `scenario "${id}" is for region "${scenario.region}", not "${region}"`);
  return scenario;
}

/** 现状 vs 远景: the gap report plain and under the scenario, compared finding by finding. */
export async function scenarioOutcome(graph: Graph, id: string) {
  const scenario = await getScenario(graph, id);
  const query = { chain: scenario.chain, region: scenario.region, enclaves: scenario.enclaves };
  const [before, after] = await Promise.all([
    analyseChainGaps(graph, query),
    analyseChainGaps(graph, { ...query, changes: scenario.changes }),
  ]);
  const overlay = after.overlay!;
  const addedIds = new Set(overlay.added.nodes.map((n) => n.id));
  // Firms already in the graph that the outcome refers to by id: named so a planner reads names.
  const existing = new Set([...overlay.removed, ...overlay.unled, ...overlay.added.ties.flatMap((tie) => [tie.from, tie.to])]);
  const named = await findNodes(
    graph,
    [...existing].filter((id) => !addedIds.has(id)),
  );
  return {
    scenario,
    chain: toNodeData(before.chain),
    region: toNodeData(before.scope.region),
    ...compareFindings(
      { findings: before.findings, completeness: before.summary.completeness },
      { findings: after.findings, completeness: after.summary.completeness },
    ),
    // Added ties often reach firms already there: the ties go as they are, without their far ends.
    added: { nodes: toElements(overlay.added.nodes, []).nodes, edges: overlay.added.ties.map((tie) => ({ data: toEdgeData(tie) })) },
    removed: overlay.removed,
    unled: overlay.unled,
    named: named.map(toNodeData),
  };
}
