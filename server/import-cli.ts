import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { ProgressLine } from "../lib/progress-line.ts";
import type { ImportReport } from "../model/api/imports.ts";
import { runWithGraph } from "./cli-graph.ts";
import { ConfigError, importLimitsFromEnv, parseEnv } from "./config.ts";
import type { Graph } from "./db/graph.ts";
import { formatProblemTable } from "./import/problems.ts";
import { type ImportFile, isCsv, isXlsx } from "./import/read-sheets.ts";
import { blankSheets, csvBytes, csvFileName, type SheetData, writeXlsx } from "./import/workbook.ts";
import { listImportBatches, RevertConflictError, recoverInterruptedImports, revertImportBatch } from "./repositories/imports.ts";
import { exportSheets } from "./services/export-data.ts";
import { runImport } from "./services/import-run.ts";

const USAGE = `导入 import — planners' spreadsheets into Chain Atlas

  npm run import -- <file.csv|file.xlsx|folder> [--dry-run] [--user NAME]
  npm run import -- --list                          recent imports
  npm run import -- --revert <batchId> [--user NAME]
  npm run import -- --recover                       roll back imports a stopped process left half-written
  npm run import -- --export <folder> [--format xlsx|csv]
  npm run import -- --templates <folder> [--format xlsx|csv]

A folder imports every .csv and .xlsx in it as one batch. Nothing is written if any row has an
error; --dry-run shows what would be created, updated or left unchanged.`;

const MAX_FILE_BYTES = 512 * 1024 * 1024;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "dry-run": { type: "boolean", default: false },
    user: { type: "string", default: os.userInfo().username },
    revert: { type: "string" },
    list: { type: "boolean", default: false },
    recover: { type: "boolean", default: false },
    export: { type: "string" },
    templates: { type: "string" },
    format: { type: "string", default: "xlsx" },
    help: { type: "boolean", short: "h", default: false },
  },
});

let exitCode = 0;
try {
  if (
    values.help ||
    (positionals.length === 0 && !values.revert && !values.list && !values.recover && !values.export && !values.templates)
  ) {
    console.log(USAGE);
    exitCode = values.help ? 0 : 2;
  } else if (values.format !== "xlsx" && values.format !== "csv") {
    console.error(`--format must be xlsx or csv, not "${values.format}"`);
    exitCode = 2;
  } else if (values.templates) {
    await writeSheets(values.templates, blankSheets(), values.format, "import-templates");
  } else {
    exitCode = await runWithGraph(async (graph) => {
      reportRecovered(await recoverInterruptedImports(graph));
      // --recover: the user says no other import is running, so any unfinished one is abandoned.
      if (values.recover) return reportRecovered(await recoverInterruptedImports(graph, 0));
      if (values.list) return printBatches(graph);
      if (values.revert) return revert(graph, values.revert, values.user!);
      if (values.export) {
        await writeSheets(values.export, exportSheets(graph), values.format as "xlsx" | "csv", "chain-atlas-data");
        return 0;
      }
      return importFiles(graph, positionals, values["dry-run"]!, values.user!);
    });
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : (error as Error).message);
  exitCode = 1;
}
process.exit(exitCode);

function reportRecovered(ids: string[]): number {
  if (ids.length > 0) console.log(`Rolled back ${ids.length} interrupted import(s): ${ids.join(", ")}`);
  return 0;
}

async function importFiles(graph: Graph, inputs: string[], dryRun: boolean, user: string): Promise<number> {
  const files = await collectFiles(inputs);
  let phase = "";
  let line = new ProgressLine(console.log);
  const report = await runImport(graph, files, {
    dryRun,
    user,
    limits: importLimitsFromEnv(parseEnv()),
    progress: (what, done, total) => {
      if (what !== phase) {
        line.finish();
        line = new ProgressLine(console.log);
        phase = what;
      }
      line.update(total ? done / total : 0, `${what}: ${done}${total ? `/${total}` : ""}`);
    },
  });
  line.finish();
  printReport(report);
  return report.ok ? 0 : 1;
}

async function collectFiles(inputs: string[]): Promise<ImportFile[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) {
      const names = (await readdir(input)).filter((name) => (isCsv(name) || isXlsx(name)) && !name.startsWith("~$")).sort();
      if (names.length === 0) throw new Error(`${input}: no .csv or .xlsx files in this folder`);
      paths.push(...names.map((name) => path.join(input, name)));
    } else {
      if (!isCsv(input) && !isXlsx(input)) throw new Error(`${input}: only .csv and .xlsx files can be imported`);
      paths.push(input);
    }
  }
  return Promise.all(
    paths.map(async (file) => {
      if ((await stat(file)).size > MAX_FILE_BYTES) throw new Error(`${file}: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
      return { name: path.basename(file), bytes: await readFile(file) };
    }),
  );
}

function printReport(report: ImportReport) {
  for (const sheet of report.sheets) {
    console.log(
      `  ${sheet.file}${sheet.sheet ? ` / ${sheet.sheet}` : ""}: ${sheet.kind ?? "ignored"}, ${sheet.rows} rows (${sheet.encoding})`,
    );
  }
  if (report.problems.length > 0) console.log(`\n${formatProblemTable(report.problems, 200, report.problemsTotal)}\n`);
  const { entities, relations, documentsCreated } = report.counts;
  const counts =
    `records: ${entities.created} created, ${entities.updated} updated, ${entities.unchanged} unchanged; ` +
    `ties: ${relations.created} created, ${relations.updated} updated, ${relations.unchanged} unchanged; ` +
    `documents: ${documentsCreated} created`;
  if (!report.ok) {
    console.log(`拒绝导入 refused: ${report.problemsTotal} problem(s); nothing was written.`);
    return;
  }
  for (const match of report.matches.slice(0, 50)) console.log(`  = ${match.file} row ${match.row}: ${match.message}`);
  for (const change of report.changes.slice(0, 50)) console.log(`  ${change.status === "created" ? "+" : "~"} ${change.what}`);
  if (report.changes.length > 50 || report.changesOmitted > 0)
    console.log(`  … ${report.changes.length - 50 + report.changesOmitted} more`);
  if (report.dryRun) console.log(`试运行 dry run, nothing written — would give ${counts}`);
  else if (!report.batch) console.log(`无变化 nothing changed, nothing written — ${counts}`);
  else console.log(`已导入 imported as batch ${report.batch?.id} — ${counts}\nUndo with: npm run import -- --revert ${report.batch?.id}`);
}

async function printBatches(graph: Graph): Promise<number> {
  const batches = await listImportBatches(graph, 50);
  if (batches.length === 0) console.log("no imports yet");
  for (const b of batches) {
    console.log(
      `${b.id}  ${b.status}  ${b.at}  ${b.user}  ${b.fileName}  records +${b.entitiesCreated} ~${b.entitiesUpdated}  ties +${b.relationsCreated} ~${b.relationsUpdated}`,
    );
  }
  return 0;
}

async function revert(graph: Graph, id: string, user: string): Promise<number> {
  try {
    const batch = await revertImportBatch(graph, id, user);
    if (!batch) {
      console.error(`no import with id ${id} (npm run import -- --list shows them)`);
      return 1;
    }
    console.log(
      `已撤销 reverted ${batch.id}: ${batch.entitiesCreated} records and ${batch.relationsCreated} ties removed, ${batch.entitiesUpdated + batch.relationsUpdated} restored.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof RevertConflictError)) throw error;
    console.error(error.message);
    for (const conflict of error.conflicts) console.error(`  ${conflict.id}: ${conflict.reason}`);
    return 1;
  }
}

async function writeSheets(folder: string, sheets: SheetData[], format: "xlsx" | "csv", baseName: string) {
  await mkdir(folder, { recursive: true });
  if (format === "xlsx") {
    const file = path.join(folder, `${baseName}.xlsx`);
    const output = createWriteStream(file);
    await writeXlsx(sheets, output);
    await finished(output);
    console.log(`wrote ${file}`);
    return;
  }
  for (const sheet of sheets) {
    const file = path.join(folder, csvFileName(sheet.kind));
    await writeFile(file, await csvBytes(sheet));
    console.log(`wrote ${file}`);
  }
}
