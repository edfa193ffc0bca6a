import { createHash } from "node:crypto";
import type { ImportBatch, ImportReport } from "../../model/api/imports.ts";
import type { Graph } from "../db/graph.ts";
import type { ImportLimits } from "../import/limits.ts";
import { describeChange, type ImportPlan } from "../import/plan.ts";
import { errorsOf } from "../import/problems.ts";
import { readRecords } from "../import/read-records.ts";
import type { ImportFile } from "../import/read-sheets.ts";
import { applyImport, ImportRefusedError, planImportAgainstGraph } from "../repositories/imports.ts";

export interface ImportOptions {
  dryRun: boolean;
  user: string;
  progress?: (phase: string, done: number, total: number | undefined) => void;
  maxChanges?: number;
  limits?: ImportLimits;
}

/** sha256 of a file, or of the sorted names and hashes of several (a folder import). */
export function hashFiles(files: ImportFile[]): string {
  if (files.length === 1) return createHash("sha256").update(files[0]!.bytes).digest("hex");
  const lines = files.map((f) => `${f.name}\u0000${createHash("sha256").update(f.bytes).digest("hex")}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

/** Reads, validates, compares with the database, and (unless a dry run) applies in one transaction. */
export async function runImport(graph: Graph, files: ImportFile[], options: ImportOptions): Promise<ImportReport> {
  const progress = options.progress ?? (() => {});
  const parsed = await readRecords(files, (done, total) => progress("reading", done, total), options.limits);
  const base = { dryRun: options.dryRun, fileName: files.map((f) => f.name).join(", "), fileHash: hashFiles(files), sheets: parsed.sheets };
  const report = (plan: ImportPlan, batch?: ImportBatch): ImportReport => {
    const changed = [...plan.entities, ...plan.relations].filter((entry) => entry.status !== "unchanged");
    const max = options.maxChanges ?? 500;
    const errors = plan.problems.errorTotal;
    return {
      ...base,
      ok: errors === 0,
      message: summaryLine(options.dryRun, errors, changed.length, batch),
      counts: plan.counts,
      problems: plan.problems.items,
      problemsTotal: plan.problems.total,
      problemsOmitted: plan.problems.omitted,
      changes: changed.slice(0, max).map((entry) => ({ status: entry.status as "created" | "updated", what: describeChange(entry) })),
      changesOmitted: Math.max(0, changed.length - max),
      matches: plan.matches.slice(0, max).map((m) => ({ ...m.place, id: m.id, message: m.message })),
      ...(batch ? { batch } : {}),
    };
  };
  // A file with errors is still compared with the database, so the report also names its dangling references.
  if (options.dryRun || errorsOf(parsed.problems).length > 0) {
    return report(await planImportAgainstGraph(graph, parsed, (done, total, what) => progress(what, done, total)));
  }
  try {
    const { plan, batch } = await applyImport(
      graph,
      parsed,
      { user: options.user, fileName: base.fileName, fileHash: base.fileHash },
      (done, total, what) => progress(what, done, total),
    );
    return report(plan, batch);
  } catch (error) {
    if (error instanceof ImportRefusedError) return report(error.plan);
    throw error;
  }
}

/** One line for the audit log: which batch was written, or that nothing was. */
export function importAuditSummary(report: ImportReport): string {
  if (report.dryRun) return `dry run of ${report.fileName}`;
  if (report.batch) return `import ${report.batch.id} of ${report.fileName}`;
  return `import of ${report.fileName}: ${report.ok ? "nothing changed" : "refused"}`;
}

function summaryLine(dryRun: boolean, errors: number, changes: number, batch: ImportBatch | undefined): string {
  if (errors > 0) return `导入被拒绝：${errors} 个问题，未写入任何数据 / refused: ${errors} problem(s), nothing written`;
  if (dryRun) return `预演通过：${changes} 条将新建或更新，未写入 / dry run passed: ${changes} record(s) would change, nothing written`;
  if (!batch) return "数据没有变化 / nothing changed: every record is already as the file says";
  return `已导入（批次 ${batch.id}）：${changes} 条新建或更新 / imported as ${batch.id}: ${changes} record(s) created or updated`;
}
