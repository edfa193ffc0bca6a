import type { ImportProblem } from "../../model/api/imports.ts";
export interface RowPlace {
  file: string;
  sheet: string | null;
  row: number;
}

export const errorsOf = (problems: Iterable<ImportProblem>) => [...problems].filter((p) => p.severity === "error");

/**
 * The problems of one import: the first `max` kept to report, every one counted. A file of a
 * million bad rows costs a counter, not a million objects. One error is always kept, so a list
 * full of warnings still says the import is refused.
 */
export class ProblemList implements Iterable<ImportProblem> {
  private readonly kept: ImportProblem[] = [];
  total = 0;
  errorTotal = 0;

  constructor(readonly max = 1000) {}

  push(...problems: ImportProblem[]): number {
    for (const problem of problems) {
      this.total += 1;
      if (problem.severity === "error") this.errorTotal += 1;
      if (this.kept.length < this.max) this.kept.push(problem);
      else if (problem.severity === "error" && this.errorTotal === 1) this.kept[this.kept.length - 1] = problem;
    }
    return this.total;
  }

  copy(): ProblemList {
    const copy = new ProblemList(this.max);
    copy.kept.push(...this.kept);
    copy.total = this.total;
    copy.errorTotal = this.errorTotal;
    return copy;
  }

  get length(): number {
    return this.total;
  }

  /** The problems kept, in the order they were found. */
  get items(): ImportProblem[] {
    return this.kept;
  }

  get omitted(): number {
    return this.total - this.kept.length;
  }

  [Symbol.iterator]() {
    return this.kept[Symbol.iterator]();
  }
}

/** A plain-text table of problems for the terminal: file, sheet, row, column, message. */
export function formatProblemTable(problems: ImportProblem[], max = 200, total = problems.length): string {
  const shown = problems.slice(0, max);
  const rows = shown.map((p) => [
    p.severity === "error" ? "错误 error" : "提示 warning",
    p.file,
    p.sheet ?? "",
    p.row === null ? "" : String(p.row),
    p.column ?? "",
    p.message,
  ]);
  const header = ["", "file", "sheet", "row", "column", "message"];
  const widths = header.map((h, i) => Math.min(40, Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!)))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : padTo(c, widths[i]!))).join("  ");
  const more = total > shown.length ? `\n… and ${total - shown.length} more` : "";
  return [line(header), ...rows.map(line)].join("\n") + more;
}

/** CJK characters take two terminal columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uFFFF]/.test(ch) ? 2 : 1;
  return width;
}

function padTo(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}
