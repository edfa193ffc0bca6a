import { z } from "zod";
import { IMPORT_KINDS } from "../import-kinds.ts";
import { intParam } from "./common.ts";

const kinds = IMPORT_KINDS.join("|");

export const templateParamsSchema = z.object({
  file: z
    .string()
    .regex(new RegExp(`^(${kinds})\\.(csv|xlsx)$`), `must be <kind>.csv or <kind>.xlsx, kind one of ${IMPORT_KINDS.join(", ")}`)
    .describe("e.g. firms.csv, ties.xlsx"),
});

export const importQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true")
    .describe("true (default): report what would change, write nothing; false: apply all-or-nothing"),
});

/** An uploaded file's name decides how it is read (and, for CSV, which template it is). */
export const uploadSchema = z.object({
  filename: z
    .string()
    .min(1)
    .max(255)
    .regex(/\.(csv|txt|xlsx)$/i, "only .csv and .xlsx files can be imported"),
});

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;

const statusCounts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

/** One thing wrong with an import file, precise enough to find the cell in Excel and fix it. */
export const problemSchema = z
  .object({
    file: z.string(),
    sheet: z.string().nullable().describe("worksheet name for XLSX; null for CSV"),
    row: z.number().int().nullable().describe("the row number as Excel shows it (the header is row 1); null for a whole-file problem"),
    column: z.string().nullable().describe("the column's header key (size_yuan); null when the problem is not about one column"),
    message: z.string(),
    severity: z.enum(["error", "warning"]).describe("warnings (an ignored column or sheet) do not stop an import; errors do"),
  })
  .meta({ id: "ImportProblem" });
export type ImportProblem = z.infer<typeof problemSchema>;

export const batchSchema = z
  .object({
    id: z.string(),
    user: z.string().describe("the importer's token name; empty unless the caller is an editor or admin"),
    at: z.string(),
    fileName: z.string(),
    fileHash: z.string(),
    status: z.enum(["applying", "applied", "reverting", "reverted"]),
    revertedAt: z.string().optional(),
    revertedBy: z.string().optional().describe("empty unless the caller is an editor or admin"),
    entitiesCreated: z.number().int(),
    entitiesUpdated: z.number().int(),
    entitiesUnchanged: z.number().int(),
    relationsCreated: z.number().int(),
    relationsUpdated: z.number().int(),
    relationsUnchanged: z.number().int(),
    documentsCreated: z.number().int(),
  })
  .meta({ id: "ImportBatch" });
export type ImportBatch = z.infer<typeof batchSchema>;

export const importReportSchema = z
  .object({
    dryRun: z.boolean(),
    ok: z.boolean().describe("false: refused, nothing written; see problems"),
    message: z.string().describe("what happened, in one line (中文 / English)"),
    fileName: z.string(),
    fileHash: z.string().describe("sha256 of the file (of the sorted names and hashes for several)"),
    sheets: z.array(
      z.object({
        file: z.string(),
        sheet: z.string().nullable(),
        kind: z.string().nullable(),
        encoding: z.string(),
        rows: z.number().int(),
      }),
    ),
    counts: z.object({ entities: statusCounts, relations: statusCounts, documentsCreated: z.number().int() }),
    problems: z.array(problemSchema).describe("the first problems found, at most IMPORT_MAX_PROBLEMS (default 1000)"),
    problemsTotal: z.number().int().describe("every problem found, listed or not"),
    problemsOmitted: z.number().int().describe("problems counted but not listed"),
    changes: z.array(z.object({ status: z.enum(["created", "updated"]), what: z.string() })),
    changesOmitted: z.number().int(),
    matches: z
      .array(z.object({ file: z.string(), sheet: z.string().nullable(), row: z.number().int(), id: z.string(), message: z.string() }))
      .describe("rows with a blank id that update an existing record (matches existing 北京市 (region:beijing))"),
    batch: batchSchema.optional().describe("the recorded import, when something was written"),
  })
  .meta({ id: "ImportReport" });
export type ImportReport = z.infer<typeof importReportSchema>;

export const batchListSchema = z.object({ batches: z.array(batchSchema) }).meta({ id: "ImportBatches" });
export const batchListQuerySchema = z.object({ limit: intParam(1, 500, 100) });
export const batchParamsSchema = z.object({ id: z.string().regex(/^import-[0-9a-z-]{1,60}$/, "not an import batch id") });
