import type { FastifyRequest } from "fastify";
import { MAX_UPLOAD_BYTES, uploadSchema } from "../../model/api/imports.ts";
import { ImportLimitError } from "../import/limits.ts";
import type { ImportFile } from "../import/read-sheets.ts";
import { UnreadableFileError } from "../import/read-sheets.ts";
import { badRequest, HttpError } from "../plugins/errors.ts";

const tooLarge = (name: string) =>
  new HttpError(
    413,
    `${name}: larger than the upload limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB per file; split it and import it in parts`,
  );

/** The files of a multipart upload, each checked by name and size; at least one is required. */
export async function readUploads(request: FastifyRequest): Promise<ImportFile[]> {
  if (!request.isMultipart()) throw badRequest("body", "send the file(s) as multipart/form-data");
  const files: ImportFile[] = [];
  for await (const part of request.files()) {
    const checked = uploadSchema.safeParse({ filename: part.filename.split(/[\\/]/).pop() ?? "" });
    if (!checked.success) throw badRequest(`file ${part.filename}`, checked.error.issues[0]?.message ?? "invalid");
    const bytes = await part.toBuffer().catch((error: { code?: string }) => {
      if (error.code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(part.filename);
      throw error;
    });
    if (part.file.truncated) throw tooLarge(part.filename);
    files.push({ name: checked.data.filename, bytes });
  }
  if (files.length === 0) throw badRequest("file", "no file in the upload");
  return files;
}

/**
 * The client's file problems as client errors, never a 500: a renamed or damaged file is a 400
 * naming it, a file beyond an import limit a 413 naming the limit.
 */
export function fileErrorsAsClientErrors(error: unknown): never {
  if (error instanceof UnreadableFileError) throw badRequest("file", error.message);
  if (error instanceof ImportLimitError) throw new HttpError(413, error.message, [{ field: error.limit, message: error.message }]);
  throw error;
}
