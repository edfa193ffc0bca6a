/**
 * Rows written over time, batch by batch, to tell a load's rate in its second half from its
 * overall rate. A freshly started Neo4j runs the first few hundred thousand rows of a bulk write
 * while its JVM is still compiling the write path: at 1M firms on 2 cores the first batches of
 * 10,000 firms took 3 s each, the later ones 0.35 s (docs/scaling.md, "Online load").
 */
export class RateTimeline {
  private readonly points: { rows: number; at: number }[] = [];
  private rows = 0;

  add(rows: number, at = performance.now()) {
    this.rows += rows;
    this.points.push({ rows: this.rows, at });
  }

  /** Rows per second from the batch that took the count past half of it to the last batch; null without two such points (one batch). */
  secondHalfRate(): number | null {
    const last = this.points.at(-1);
    const half = this.points.find((point) => point.rows >= this.rows / 2);
    if (!last || !half || half === last) return null;
    return (last.rows - half.rows) / ((last.at - half.at) / 1000);
  }
}
