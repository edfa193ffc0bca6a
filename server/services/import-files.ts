import { PassThrough, Writable } from "node:stream";
import type { ImportBatch } from "../../model/api/imports.ts";
import type { Graph } from "../db/graph.ts";
import type { ImportKind } from "../import/templates.ts";
import { blankSheets, csvBytes, writeXlsx } from "../import/workbook.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { HttpError } from "../plugins/errors.ts";
import { RevertConflictError, revertImportBatch } from "../repositories/imports.ts";
import { exportSheets } from "./export-data.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const attachment = (name: string) => `attachment; filename="${name}"`;

/** A blank template: "templates.xlsx" (every sheet), or "<kind>.csv" / "<kind>.xlsx". */
export async function templateFile(name: string): Promise<{ body: Buffer; contentType: string; disposition: string }> {
  const [kind, format] = name.split(".") as [ImportKind | "templates", "csv" | "xlsx"];
  const sheets = kind === "templates" ? blankSheets() : blankSheets([kind]);
  if (format === "csv") return { body: await csvBytes(sheets[0]!), contentType: "text/csv; charset=utf-8", disposition: attachment(name) };
  return { body: await xlsxBuffer(sheets), contentType: XLSX_TYPE, disposition: attachment(`chain-atlas-${name}`) };
}

async function xlsxBuffer(sheets: ReturnType<typeof blankSheets>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await writeXlsx(sheets, sink);
  return Buffer.concat(chunks);
}

/** The current data as a template workbook, streamed while it is read page by page. */
export function exportXlsxStream(graph: Graph): { body: PassThrough; contentType: string; disposition: string } {
  const body = new PassThrough();
  writeXlsx(exportSheets(graph), body).catch((error: Error) => body.destroy(error));
  const stamp = new Date().toISOString().slice(0, 10);
  return { body, contentType: XLSX_TYPE, disposition: attachment(`chain-atlas-data-${stamp}.xlsx`) };
}

/** Revert for the API: unknown id → 404, already reverted or changed since → 409 with the reasons. */
export async function revertBatch(graph: Graph, id: string, user: string): Promise<ImportBatch> {
  try {
    const batch = await revertImportBatch(graph, id, user);
    if (!batch) throw new NotFoundError(`import batch ${id}`);
    return batch;
  } catch (error) {
    if (error instanceof RevertConflictError) {
      throw new HttpError(
        409,
        error.message,
        error.conflicts.map((conflict) => ({ field: conflict.id, message: conflict.reason })),
      );
    }
    throw error;
  }
}
