import neo4j, { type ProfiledPlan } from "neo4j-driver";
import { Graph, integerParams, type Params, type Row } from "../server/db/graph.ts";
import { loadQueries, type QueryName } from "../server/db/queries.ts";

/** A Graph that notes every named read a repository function makes, so the same reads can be PROFILEd. */
export class RecordingGraph extends Graph {
  readonly calls: { name: QueryName; params: Params }[] = [];

  override async read<T extends object = Row>(name: QueryName, params: Params = {}, timeoutMs?: number): Promise<T[]> {
    this.calls.push({ name, params });
    return super.read<T>(name, params, timeoutMs);
  }
}

export interface QueryProfile {
  query: QueryName;
  dbHits: number;
  rows: number;
}

function sumDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + sumDbHits(child), 0);
}

/** Runs each recorded read once under PROFILE and reports its database hits. */
export async function profileCalls(graph: Graph, calls: { name: QueryName; params: Params }[]): Promise<QueryProfile[]> {
  const queries = loadQueries();
  const profiles: QueryProfile[] = [];
  const session = graph.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    for (const call of calls) {
      const result = await session.run(`PROFILE ${queries[call.name]}`, integerParams(call.params));
      const profile = result.summary.profile;
      profiles.push({ query: call.name, dbHits: profile ? sumDbHits(profile) : 0, rows: result.records.length });
    }
  } finally {
    await session.close();
  }
  return profiles;
}

/** One PROFILEd plan as an indented operator tree with rows and db hits per operator, for reading a miss. */
export function planText(plan: ProfiledPlan, depth = 0): string {
  const details = String(plan.arguments?.Details ?? "")
    .replace(/\s+/g, " ")
    .slice(0, 140);
  const line = `${"  ".repeat(depth)}${plan.operatorType} rows=${plan.rows} dbHits=${plan.dbHits}${details ? `  ${details}` : ""}`;
  return [line, ...plan.children.map((child) => planText(child, depth + 1))].join("\n");
}

/** Runs each recorded read once under PROFILE and returns its operator tree as text. */
export async function profilePlans(graph: Graph, calls: { name: QueryName; params: Params }[]): Promise<string[]> {
  const queries = loadQueries();
  const session = graph.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const out: string[] = [];
    for (const call of calls) {
      const result = await session.run(`PROFILE ${queries[call.name]}`, integerParams(call.params));
      const profile = result.summary.profile;
      out.push(
        `-- ${call.name}: ${profile ? sumDbHits(profile) : 0} db hits, ${result.records.length} rows\n${profile ? planText(profile) : ""}`,
      );
    }
    return out;
  } finally {
    await session.close();
  }
}
