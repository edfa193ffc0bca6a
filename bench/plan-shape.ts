import neo4j, { type Plan } from "neo4j-driver";
import type { Graph, Params } from "../server/db/graph.ts";
import { integerParams } from "../server/db/graph.ts";
import { loadQueries, type QueryName } from "../server/db/queries.ts";

/**
 * The plan shape a hot query must keep, checked with EXPLAIN (no execution) so a regression in a
 * query file, an index or the planner's choice fails a test instead of a benchmark months later.
 * Every hot read starts from an index (an id seek, a kind seek or the full-text procedure) and
 * never scans all nodes or every firm.
 */
export interface PlanShape {
  /** Operators of the plan tree, with their details, depth first. */
  operators: { operator: string; details: string }[];
  /** Rules broken, in words; empty when the shape holds. */
  problems: string[];
}

/** Firm is the label with a million nodes; scanning it (or all nodes) is what a hot read must never do. */
const SCAN = /^(AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|SubtractionNodeByLabelsScan)/;
const ANCHOR =
  /^(NodeUniqueIndexSeek|NodeIndexSeek|MultiNodeIndexSeek|ProcedureCall|NodeIndexContainsScan|DirectedRelationshipIndexSeek|UndirectedRelationshipIndexSeek)/;

function flatten(plan: Plan): { operator: string; details: string }[] {
  const operator = plan.operatorType.replace(/@.*$/, "");
  const details = String(plan.arguments?.Details ?? "");
  return [{ operator, details }, ...plan.children.flatMap(flatten)];
}

/** Checks one plan: no AllNodesScan, no label scan over Firm (or over every entity), at least one index anchor. */
export function checkPlanShape(plan: Plan, { anchored = true }: { anchored?: boolean } = {}): PlanShape {
  const operators = flatten(plan);
  const problems: string[] = [];
  for (const { operator, details } of operators) {
    if (operator.startsWith("AllNodesScan")) problems.push(`AllNodesScan (${details})`);
    else if (SCAN.test(operator) && /:(Firm|Entity)\b/.test(details)) problems.push(`${operator} over ${details}`);
  }
  if (anchored && !operators.some((o) => ANCHOR.test(o.operator))) problems.push("no index seek or full-text call anchors the plan");
  return { operators, problems };
}

/** EXPLAINs a named query with the parameters a repository call used and checks its shape. */
export async function explainShape(graph: Graph, name: QueryName, params: Params, options?: { anchored?: boolean }): Promise<PlanShape> {
  const session = graph.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(`EXPLAIN ${loadQueries()[name]}`, integerParams(params));
    const plan = result.summary.plan;
    if (!plan) throw new Error(`no plan for ${name}`);
    return checkPlanShape(plan as Plan, options);
  } finally {
    await session.close();
  }
}

/** Queries allowed to read without an index anchor: the chain list reads every chain (dozens), never a firm. */
export const UNANCHORED: ReadonlySet<QueryName> = new Set<QueryName>(["list-chains"]);
