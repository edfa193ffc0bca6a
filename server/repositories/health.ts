import { type Graph, withDeadline } from "../db/graph.ts";
import { missingSchema } from "../db/schema.ts";

export type Readiness = { ready: true } | { ready: false; reason: string };

/** The whole readiness check, server and client side: a probe must answer fast or say "not ready". */
export const READINESS_TIMEOUT_MS = 3_000;

/** One round trip to Neo4j; throws (503 at the edge) when it does not answer. */
export async function pingDatabase(graph: Graph): Promise<void> {
  await graph.read("ping");
}

/** Ready means: Neo4j answers a query and every index and constraint of cypher/schema/ is online. */
export async function checkReadiness(graph: Graph): Promise<Readiness> {
  let missing: string[];
  try {
    missing = await withDeadline(
      graph.read("ping", {}, READINESS_TIMEOUT_MS).then(() => missingSchema(graph, READINESS_TIMEOUT_MS)),
      READINESS_TIMEOUT_MS,
    );
  } catch (error) {
    return { ready: false, reason: `Neo4j is not reachable: ${(error as Error).message.split("\n")[0]}` };
  }
  if (missing.length > 0) return { ready: false, reason: `schema not applied: missing ${missing.join(", ")}` };
  return { ready: true };
}
