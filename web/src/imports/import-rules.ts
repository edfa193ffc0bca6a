import type { ImportBatch, ImportReport } from "../../../model/api/imports.ts";
import { IMPORT_KINDS, type ImportKind } from "../../../model/import-kinds.ts";
import type { MessageKey } from "../i18n/messages.ts";

export { IMPORT_KINDS, type ImportKind };

export const TEMPLATE_LINKS = {
  allXlsx: "/api/import/templates.xlsx",
  csv: (kind: ImportKind) => `/api/import/templates/${kind}.csv`,
  currentData: "/api/export/templates.xlsx",
};

type FileLike = Pick<File, "name" | "size" | "lastModified">;

/**
 * Identifies a choice of files, so Apply can insist on the very files the dry run checked.
 * Order-free: choosing the same files again in another order is the same import.
 */
export function filesKey(files: readonly FileLike[]): string {
  return files
    .map((file) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`)
    .sort()
    .join("\n");
}

export interface ApplyInputs {
  filesKey: string;
  busy: boolean;
  /** The last dry run: which files it checked and whether it passed. */
  dryRun?: { filesKey: string; ok: boolean };
  /** The files last applied successfully. */
  appliedKey?: string;
}

/** Apply opens only after a passing dry run of exactly the chosen files, once; the reason says why not. */
export function applyReadiness(inputs: ApplyInputs): { enabled: boolean; reason: MessageKey } {
  if (inputs.filesKey === "") return { enabled: false, reason: "import.needFiles" };
  if (inputs.busy) return { enabled: false, reason: "import.busy" };
  if (inputs.appliedKey === inputs.filesKey) return { enabled: false, reason: "import.applied" };
  if (!inputs.dryRun || inputs.dryRun.filesKey !== inputs.filesKey) return { enabled: false, reason: "import.needDryRun" };
  if (!inputs.dryRun.ok) return { enabled: false, reason: "import.fixProblems" };
  return { enabled: true, reason: "import.ready" };
}

export interface ProblemRow {
  severity: "error" | "warning";
  file: string;
  sheet: string;
  row: string;
  column: string;
  message: string;
}

/** The problems as table cells: errors before warnings, otherwise in the server's (file, row) order. */
export function problemRows(report: ImportReport): ProblemRow[] {
  const rows = report.problems.map((problem) => ({
    severity: problem.severity,
    file: problem.file,
    sheet: problem.sheet ?? "—",
    row: problem.row === null ? "—" : String(problem.row),
    column: problem.column ?? "—",
    message: problem.message,
  }));
  return [...rows.filter((row) => row.severity === "error"), ...rows.filter((row) => row.severity === "warning")];
}

export interface CountRow {
  what: "import.entities" | "import.relations";
  created: number;
  updated: number;
  unchanged: number;
}

export function countRows(report: ImportReport): CountRow[] {
  return [
    { what: "import.entities", ...report.counts.entities },
    { what: "import.relations", ...report.counts.relations },
  ];
}

/** Only a batch that is fully applied can be undone; reverted and in-flight ones cannot. */
export function canRevert(batch: ImportBatch): boolean {
  return batch.status === "applied";
}

/** "2024-11-05 09:30" in local time; the raw text when it is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const TOKEN_KEY = "chain-atlas.import-token";

/** The token lives in sessionStorage only: gone when the tab closes, never in the URL or localStorage. */
export function loadToken(storage: Pick<Storage, "getItem"> | undefined): string {
  try {
    return storage?.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
}

export function saveToken(storage: Pick<Storage, "setItem" | "removeItem"> | undefined, token: string): void {
  try {
    const trimmed = token.trim();
    if (trimmed) storage?.setItem(TOKEN_KEY, trimmed);
    else storage?.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode, quota): the token still works for this page.
  }
}
