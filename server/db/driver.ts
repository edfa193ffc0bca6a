import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jConnection } from "../config.ts";

/**
 * One driver per process. Integers come back as JS numbers (ids are strings and counts stay far
 * below 2^53), and connection waits are short so an outage turns into a quick 503, not a hang.
 * A connection that sat idle is checked before use, so after a restart or a network cut the
 * pool drops dead ones instead of handing them to a request. A server that accepts a query and
 * then goes silent is bounded by Graph's client-side deadline (server/db/graph.ts).
 */
export function createDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    connectionLivenessCheckTimeout: 30_000,
    // Short retries: a request during an outage should get its 503 in a second or two.
    maxTransactionRetryTime: 1_500,
    userAgent: "chain-atlas",
  });
}
