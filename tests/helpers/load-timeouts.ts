import { inject } from "vitest";

/**
 * Timeouts that hold on a loaded machine without letting a hung test run forever. The run's own
 * Neo4j start (tests/setup/neo4j-global.ts measures it) says how loaded the machine is: a timeout
 * written for a quiet machine is stretched by how much slower that start was than on a quiet one,
 * at least 1× and at most MAX_STRETCH×. Tests never assert a duration; these only bound waits.
 */

/**
 * Neo4j's start plus the schema and demo data on this project's 2-core machine when it is quiet:
 * an estimate (the shared machine is rarely quiet; loaded runs measured 36–65 s, load average 4–10).
 */
export const QUIET_NEO4J_START_MS = 25_000;
const MAX_STRETCH = 4;

/** How much slower than quiet this run's machine is, between 1 and MAX_STRETCH. */
export function loadStretch(measuredStartMs: number = inject("neo4jStartMs")): number {
  return Math.min(MAX_STRETCH, Math.max(1, measuredStartMs / QUIET_NEO4J_START_MS));
}

/** A timeout written for a quiet machine, stretched for this run's load. */
export function scaledTimeout(quietMs: number, measuredStartMs?: number): number {
  return Math.round(quietMs * loadStretch(measuredStartMs));
}
