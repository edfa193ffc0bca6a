import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { loadQueries, type QueryMap, type QueryName } from "./queries.ts";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * The only door to Neo4j for repositories: runs named queries from cypher/ with parameters,
 * READ routing for reads (a cluster spreads them over followers), a per-transaction timeout
 * on everything, and rows returned as plain objects.
 */
export class Graph {
  private readonly queries: QueryMap = loadQueries();

  constructor(
    readonly driver: Driver,
    private readonly database: string,
    private readonly timeoutMs: number,
  ) {}

  async read<T extends object = Row>(name: QueryName, params: Params = {}, timeoutMs = this.timeoutMs): Promise<T[]> {
    const result = await this.driver.executeQuery(this.queries[name], integerParams(params), {
      database: this.database,
      routing: neo4j.routing.READ,
      transactionConfig: { timeout: timeoutMs, metadata: { query: name } },
    });
    return result.records.map((record) => record.toObject() as T);
  }

  async readOne<T extends object = Row>(name: QueryName, params: Params = {}): Promise<T | undefined> {
    return (await this.read<T>(name, params))[0];
  }

  /** Runs several named statements in one write transaction: all of them or none. */
  async writeTransaction<T>(work: (tx: NamedTransaction) => Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work(new NamedTransaction(tx, this.queries)), {
        timeout: timeoutMs,
      });
    } finally {
      await session.close();
    }
  }

  /** Runs statements that are not named queries (schema files, EXPLAIN in tests). */
  async runRaw(statement: string, params: Params = {}): Promise<Row[]> {
    const result = await this.driver.executeQuery(statement, params, {
      database: this.database,
      transactionConfig: { timeout: this.timeoutMs },
    });
    return result.records.map((record) => record.toObject());
  }
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
