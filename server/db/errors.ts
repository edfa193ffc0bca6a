import { Neo4jError } from "neo4j-driver";

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired", "Neo.TransientError.General.DatabaseUnavailable"]);

/** Neo4j cannot be reached right now (down, restarting, network). */
export function isNeo4jUnavailable(error: unknown): boolean {
  if (error instanceof Neo4jNotAnsweringError) return true;
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code) || /ECONNREFUSED|connect|socket/i.test(error.message);
}

/** The server cut a query for running too long or using too much memory. */
export function isNeo4jOverloaded(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (/TransactionTimedOut|Terminated/.test(error.code) || error.code === "Neo.TransientError.General.MemoryPoolOutOfMemoryError")
  );
}

export function isConstraintViolation(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === "Neo.ClientError.Schema.ConstraintValidationFailed";
}

/** The client stopped waiting: the server took longer than the query's timeout to answer at all. */
export class Neo4jNotAnsweringError extends Error {
  constructor(readonly waitedMs: number) {
    super(`Neo4j did not answer within ${waitedMs} ms`);
    this.name = "Neo4jNotAnsweringError";
  }
}
