import { setTimeout as sleep } from "node:timers/promises";
import { Neo4jError } from "neo4j-driver";
import { addCounts, type Graph, NO_WRITES, type WriteCounts } from "../../server/db/graph.ts";
import type { QueryName } from "../../server/db/queries.ts";
import { STORED_SYNTHETIC_PROVENANCE } from "../../server/seed/synthetic-provenance.ts";

const WRITE_TIMEOUT_MS = 300_000;
const MAX_ATTEMPTS = 8;

/**
 * Writes batches, each as one UNWIND statement in its own transaction, with up to `concurrency`
 * writes in flight: the caller generates the next batch while Neo4j commits earlier ones.
 * Two batches can deadlock on a shared hub node; a batch is all-or-nothing, so it is retried.
 */
export class BatchWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  counts: WriteCounts = NO_WRITES;
  retries = 0;

  constructor(
    private readonly graph: Graph,
    private readonly concurrency: number,
    private readonly onWritten: (rows: number) => void = () => {},
  ) {}

  async write(query: QueryName, params: Record<string, unknown> & { rows: unknown[] }): Promise<void> {
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const job: Promise<void> = this.attempt(query, params)
      .then((counts) => {
        this.counts = addCounts(this.counts, counts);
        this.onWritten(params.rows.length);
      })
      .catch((error) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  async flush(): Promise<WriteCounts> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    return this.counts;
  }

  private async attempt(query: QueryName, params: Record<string, unknown>): Promise<WriteCounts> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.graph.writeTransaction(
          (tx) => tx.runCounted(query, { ...params, provenance: STORED_SYNTHETIC_PROVENANCE }),
          WRITE_TIMEOUT_MS,
        );
      } catch (error) {
        const transient = error instanceof Neo4jError && /TransientError|Deadlock/.test(error.code);
        if (!transient || attempt >= MAX_ATTEMPTS) throw error;
        this.retries += 1;
        await sleep(100 * attempt);
      }
    }
  }
}
