import type { FastifyRequest } from "fastify";
import { badRequest, HttpError } from "../plugins/errors.ts";
import { MAX_UPLOAD_BYTES, uploadSchema } from "../schemas/imports.ts";
import type { ImportFile } from "./read-sheets.ts";
import { UnreadableFileError } from "./read-sheets.ts";

/** The files of a multipart upload, each checked by name and size; at least one is required. */
export async function readUploads(request: FastifyRequest): Promise<ImportFile[]> {
  if (!request.isMultipart()) throw badRequest("body", "send the file(s) as multipart/form-data");
  const files: ImportFile[] = [];
  for await (const part of request.files()) {
    const checked = uploadSchema.safeParse({ filename: part.filename.split(/[\\/]/).pop() ?? "" });
    if (!checked.success) throw badRequest(`file ${part.filename}`, checked.error.issues[0]?.message ?? "invalid");
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw new HttpError(413, `${part.filename} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    files.push({ name: checked.data.filename, bytes });
  }
  if (files.length === 0) throw badRequest("file", "no file in the upload");
  return files;
}

/** A renamed or damaged workbook is the client's file problem: 400 naming it, not a 500. */
export function unreadableAsBadRequest(error: unknown): never {
  if (error instanceof UnreadableFileError) throw badRequest("file", error.message);
  throw error;
}
