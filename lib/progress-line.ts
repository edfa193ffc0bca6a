/** A single progress line: redrawn in place on a terminal, printed every 10% otherwise. */
export class ProgressLine {
  private lastDecile = -1;
  private drawn = false;
  constructor(private readonly log: (line: string) => void) {}

  update(fraction: number, detail: string) {
    const ratio = Math.min(Math.max(fraction, 0), 0.99);
    const width = 30;
    const filled = Math.round(ratio * width);
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(ratio * 100)}% ${detail}`;
    this.drawn = true;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${bar}`);
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.log(bar);
    }
  }

  finish() {
    if (process.stderr.isTTY && this.drawn) process.stderr.write("\n");
    this.drawn = false;
  }
}
