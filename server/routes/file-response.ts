import type { Readable } from "node:stream";
import { z } from "zod";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A file answer: bytes or a stream, never serialised, so it is no part of the JSON contract in
 * model/api/. For OpenAPI it is binary under each media type it can come as, with the
 * Content-Disposition header that names it.
 */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  const binary = { schema: { type: "string", format: "binary" } };
  return z
    .custom<Buffer | Readable>((value) => Buffer.isBuffer(value) || (typeof value === "object" && value !== null && "pipe" in value))
    .meta({
      description,
      headers: { "Content-Disposition": { type: "string", description: "attachment; filename=...; filename*=UTF-8''..." } },
      content: Object.fromEntries(mediaTypes.map((type) => [type.split(";")[0], binary])),
    });
}
