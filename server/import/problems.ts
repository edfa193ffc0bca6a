/** One thing wrong with an import file, precise enough to find the cell in Excel and fix it. */
export interface ImportProblem {
  file: string;
  /** Worksheet name for XLSX; null for CSV. */
  sheet: string | null;
  /** Spreadsheet row number as Excel shows it (the header is row 1); null for a whole-file problem. */
  row: number | null;
  /** Column header key ("size_yuan"), or null when the problem is not about one column. */
  column: string | null;
  message: string;
  /** Warnings (an ignored column or sheet) do not stop an import; errors do. */
  severity: "error" | "warning";
}

export interface RowPlace {
  file: string;
  sheet: string | null;
  row: number;
}

export const errorsOf = (problems: ImportProblem[]) => problems.filter((p) => p.severity === "error");

/** A plain-text table of problems for the terminal: file, sheet, row, column, message. */
export function formatProblemTable(problems: ImportProblem[], max = 200): string {
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
  const more = problems.length > max ? `\n… and ${problems.length - max} more` : "";
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
