import type { Graph } from "../db/graph.ts";
import { missingSchema } from "../db/schema.ts";

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Ready means: Neo4j answers a query and every index and constraint of cypher/schema/ is online. */
export async function checkReadiness(graph: Graph): Promise<Readiness> {
  try {
    await graph.read("ping", {}, 3_000);
  } catch (error) {
    return { ready: false, reason: `Neo4j is not reachable: ${(error as Error).message.split("\n")[0]}` };
  }
  const missing = await missingSchema(graph);
  if (missing.length > 0) return { ready: false, reason: `schema not applied: missing ${missing.join(", ")}` };
  return { ready: true };
}
