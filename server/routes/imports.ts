import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses, errorSchema } from "../../model/api/common.ts";
import {
  batchListQuerySchema,
  batchListSchema,
  batchParamsSchema,
  batchSchema,
  importQuerySchema,
  importReportSchema,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_FILES,
  templateParamsSchema,
} from "../../model/api/imports.ts";
import { roleAllows } from "../auth/roles.ts";
import type { Principal } from "../auth/tokens.ts";
import type { ImportLimits } from "../import/limits.ts";
import { pingDatabase } from "../repositories/health.ts";
import { listImportBatches } from "../repositories/imports.ts";
import { exportXlsxStream, revertBatch, templateFile } from "../services/import-files.ts";
import { importAuditSummary, runImport } from "../services/import-run.ts";
import { fileResponse, XLSX_MEDIA_TYPE } from "./file-response.ts";
import { fileErrorsAsClientErrors, readUploads } from "./uploads.ts";

const workbookResponseSchema = fileResponse("An XLSX workbook, as an attachment", [XLSX_MEDIA_TYPE]);
const templateResponseSchema = fileResponse("One template, CSV (UTF-8 with BOM) or XLSX by its name", ["text/csv", XLSX_MEDIA_TYPE]);

/** Who imported or reverted is an editor's token name: shown to editors and admins only. */
const mayKnowImporters = (principal: Principal | null) => principal !== null && roleAllows(principal.role, "editor");
const withoutNames = <B extends { user: string; revertedBy?: string }>(batch: B): B => ({
  ...batch,
  user: "",
  ...(batch.revertedBy === undefined ? {} : { revertedBy: "" }),
});

const userOf = (request: { principal: { name: string } | null }) => request.principal?.name ?? "anonymous";

/** Spreadsheet templates, validated import (dry run or all-or-nothing apply), history and revert, export. */
export const importRoutes: FastifyPluginAsyncZod<{ limits?: ImportLimits }> = async (app, { limits }) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_UPLOAD_FILES, fields: 10 } });

  app.get(
    "/api/import/templates.xlsx",
    { schema: { tags: ["import"], summary: "All import templates as one workbook (导入模板)", response: { 200: workbookResponseSchema } } },
    async (_request, reply) => {
      const file = await templateFile("templates.xlsx");
      return reply.type(file.contentType).header("Content-Disposition", file.disposition).send(file.body);
    },
  );

  app.get(
    "/api/import/templates/:file",
    {
      schema: {
        tags: ["import"],
        summary: "One template: firms.csv, ties.xlsx …",
        params: templateParamsSchema,
        response: { 200: templateResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await templateFile(request.params.file);
      return reply.type(file.contentType).header("Content-Disposition", file.disposition).send(file.body);
    },
  );

  app.post(
    "/api/import",
    {
      config: { role: "editor", heavy: "import" },
      schema: {
        tags: ["import"],
        summary: "Import CSV (UTF-8/GBK) or XLSX files: dry run by default, or apply all-or-nothing",
        consumes: ["multipart/form-data"],
        querystring: importQuerySchema,
        response: { 200: importReportSchema, 422: importReportSchema, 413: errorSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const files = await readUploads(request);
      const report = await runImport(app.graph, files, { dryRun: request.query.dryRun, user: userOf(request), limits }).catch(
        fileErrorsAsClientErrors,
      );
      request.auditSummary = importAuditSummary(report);
      // A dry run writes nothing, so it is no entry in the log of writes.
      request.wroteNothing = request.query.dryRun;
      return reply.code(report.ok ? 200 : 422).send(report);
    },
  );

  app.get(
    "/api/import/batches",
    {
      schema: {
        tags: ["import"],
        summary: "Recent imports, newest first",
        querystring: batchListQuerySchema,
        response: { 200: batchListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const batches = await listImportBatches(app.graph, request.query.limit);
      return { batches: mayKnowImporters(request.principal) ? batches : batches.map(withoutNames) };
    },
  );

  app.post(
    "/api/import/batches/:id/revert",
    {
      // A revert rewrites a whole batch like an import does: it takes a heavy-work slot too.
      config: { role: "editor", heavy: "import" },
      schema: {
        tags: ["import"],
        summary: "Undo an import: remove what it created, restore what it changed",
        params: batchParamsSchema,
        response: {
          200: batchSchema,
          409: errorSchema.meta({
            description:
              "The batch cannot be reverted (already reverted, or later edits conflict), or another import or revert is being written",
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => revertBatch(app.graph, request.params.id, userOf(request)),
  );

  app.get(
    "/api/export/templates.xlsx",
    {
      config: { heavy: "export" },
      schema: {
        tags: ["import"],
        summary: "The current data in template form (export → import changes nothing)",
        response: { 200: workbookResponseSchema, 503: errorSchema },
      },
    },
    async (_request, reply) => {
      // A streamed file cannot change its status once sent: prove the database answers first,
      // so an outage is a 503, not a cut-off download.
      await pingDatabase(app.graph);
      const file = exportXlsxStream(app.graph);
      return reply.type(file.contentType).header("Content-Disposition", file.disposition).send(file.body);
    },
  );
};
