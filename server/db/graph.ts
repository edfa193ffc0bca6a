import neo4j, { type Driver, isRetryableError, type ManagedTransaction } from "neo4j-driver";
import { Neo4jNotAnsweringError } from "./errors.ts";
import { loadQueries, type QueryMap, type QueryName } from "./queries.ts";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * How long past its own timeout a call may wait for the server before the client gives up. Neo4j
 * cuts a transaction at its timeout and answers; a frozen or unreachable server never answers,
 * so without this bound a request would hang for the whole freeze.
 */
export const CLIENT_GRACE_MS = 1_000;

/**
 * The only door to Neo4j for repositories: runs named queries from cypher/ with parameters,
 * READ routing for reads (a cluster spreads them over followers), a per-transaction timeout
 * on everything, and rows returned as plain objects. Every call also has a client-side deadline
 * (timeout + CLIENT_GRACE_MS), and every session shares the driver's bookmark manager, so a read
 * that follows a write, on any cluster member, sees it.
 */
export class Graph {
  private readonly queries: QueryMap = loadQueries();

  constructor(
    readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
  ) {}

  /**
   * A named read as an auto-commit query in a READ session: one round trip (RUN and PULL), where
   * a managed transaction (`executeQuery`) takes two and three more messages (BEGIN, then COMMIT
   * once the rows are in) — at 1M firms under load the BEGIN and COMMIT socket writes alone were
   * 2/3 of the driver's writes, and the database's CPU per depth-1 neighbours request fell by
   * about a quarter without them (docs/benchmarks.md, w5-serve). Same timeout, metadata, READ
   * routing and bookmark manager as before. A failure the driver would retry (a dead pooled
   * connection after a restart, a cluster member gone) is handed to the managed path, which
   * retries it exactly as every read did before.
   */
  async read<T extends object = Row>(name: QueryName, params: Params = {}, timeoutMs = this.timeoutMs): Promise<T[]> {
    const statement = this.queries[name];
    const bound = integerParams(params);
    const metadata = { query: name };
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    const run = session.run(statement, bound, { timeout: timeoutMs, metadata });
    let answered = false;
    try {
      const result = await withDeadline(run, timeoutMs + CLIENT_GRACE_MS);
      answered = true;
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      if (!isRetryableError(error)) throw error;
      answered = true;
      const rows = await this.query(statement, bound, timeoutMs, neo4j.routing.READ, metadata);
      return rows as T[];
    } finally {
      // A frozen server would hold close() too: it finishes in the background once the server answers.
      if (answered) await session.close().catch(() => {});
      else void session.close().catch(() => {});
    }
  }

  async readOne<T extends object = Row>(name: QueryName, params: Params = {}): Promise<T | undefined> {
    return (await this.read<T>(name, params))[0];
  }

  /** Runs several named statements in one write transaction: all of them or none. */
  async writeTransaction<T>(work: (tx: NamedTransaction) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      const result = await withDeadline(
        session.executeWrite((tx) => work(new NamedTransaction(tx, this.queries)), { timeout: timeoutMs }),
        timeoutMs + CLIENT_GRACE_MS,
      );
      await session.close();
      return result;
    } catch (error) {
      // A frozen server would hold close() too: it finishes in the background once the server answers.
      if (error instanceof Neo4jNotAnsweringError) void session.close().catch(() => {});
      else await session.close();
      throw error;
    }
  }

  /** Runs statements that are not named queries (schema files, EXPLAIN in tests). */
  async runRaw(statement: string, params: Params = {}, timeoutMs = this.timeoutMs): Promise<Row[]> {
    return this.query(statement, params, timeoutMs, neo4j.routing.WRITE);
  }

  private async query(statement: string, params: Params, timeoutMs: number, routing: "READ" | "WRITE", metadata?: Record<string, string>) {
    const abort = new AbortController();
    const result = withDeadline(
      this.driver.executeQuery(statement, params, {
        database: this.database,
        routing,
        transactionConfig: { timeout: timeoutMs, ...(metadata ? { metadata } : {}) },
        signal: abort.signal,
      }),
      timeoutMs + CLIENT_GRACE_MS,
      () => abort.abort(),
    );
    return (await result).records.map((record) => record.toObject());
  }
}

/**
 * Settles with `work`, or rejects with Neo4jNotAnsweringError once `ms` have passed without an
 * answer (then `onTimeout` releases what the call holds). The driver's own timeouts cover
 * connecting and acquiring a connection, not a server that accepted the query and went silent.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => void = () => {}): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Neo4jNotAnsweringError(ms));
    }, ms);
  });
  // A late failure of the abandoned call is expected; do not let it surface as unhandled.
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * JS numbers travel as floats, and Cypher refuses a float where it needs an integer (LIMIT,
 * slices). Whole top-level numbers are such counts and caps, so they go as Neo4j integers;
 * values nested in rows keep their JS type.
 */
export function integerParams(params: Params): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === "number" && Number.isSafeInteger(value) ? neo4j.int(value) : value;
  }
  return out;
}

export class NamedTransaction {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly queries: QueryMap,
  ) {}

  async run<T extends object = Row>(name: QueryName, params: Params = {}): Promise<T[]> {
    const result = await this.tx.run(this.queries[name], integerParams(params));
    return result.records.map((record) => record.toObject() as T);
  }

  /** Runs a named write and reports what it changed (nodes, relationships, properties created or set). */
  async runCounted(name: QueryName, params: Params = {}): Promise<WriteCounts> {
    const result = await this.tx.run(this.queries[name], integerParams(params));
    const updates = result.summary.counters.updates();
    return {
      nodesCreated: updates.nodesCreated,
      nodesDeleted: updates.nodesDeleted,
      relationshipsCreated: updates.relationshipsCreated,
      relationshipsDeleted: updates.relationshipsDeleted,
      propertiesSet: updates.propertiesSet,
    };
  }
}

export interface WriteCounts {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export function addCounts(a: WriteCounts, b: WriteCounts): WriteCounts {
  return {
    nodesCreated: a.nodesCreated + b.nodesCreated,
    nodesDeleted: a.nodesDeleted + b.nodesDeleted,
    relationshipsCreated: a.relationshipsCreated + b.relationshipsCreated,
    relationshipsDeleted: a.relationshipsDeleted + b.relationshipsDeleted,
    propertiesSet: a.propertiesSet + b.propertiesSet,
  };
}

export const NO_WRITES: WriteCounts = {
  nodesCreated: 0,
  nodesDeleted: 0,
  relationshipsCreated: 0,
  relationshipsDeleted: 0,
  propertiesSet: 0,
};
