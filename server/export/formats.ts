import type { Elements } from "../../model/api/elements.ts";
import type { ExportFormat } from "../../model/api/export.ts";
import { type CsvTable, writeCsv } from "./csv.ts";
import { writeCypher } from "./cypher.ts";
import { writeGexf } from "./gexf.ts";
import { writeGraphml } from "./graphml.ts";
import { writeJson } from "./json.ts";
import { writeXlsx } from "./xlsx.ts";

export interface ExportOptions {
  table: CsvTable;
}

interface Format {
  extension: string;
  contentType: string;
  write: (elements: Elements, options: ExportOptions) => string | Buffer | Promise<Buffer>;
}

/** Every export format: file extension, media type, writer. */
export const FORMATS: Record<ExportFormat, Format> = {
  json: { extension: "json", contentType: "application/json; charset=utf-8", write: writeJson },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8", write: (elements, { table }) => writeCsv(elements, table) },
  xlsx: { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write: writeXlsx },
  graphml: { extension: "graphml", contentType: "application/graphml+xml; charset=utf-8", write: writeGraphml },
  gexf: { extension: "gexf", contentType: "application/gexf+xml; charset=utf-8", write: writeGexf },
  cypher: { extension: "cypher", contentType: "text/plain; charset=utf-8", write: writeCypher },
};

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

export const EXPORT_BASENAME = "chain-atlas-subgraph";

/** The file for a subgraph in one format, as bytes ready to send. */
export async function exportFile(elements: Elements, format: ExportFormat, options: ExportOptions): Promise<ExportFile> {
  const spec = FORMATS[format];
  const written = await spec.write(elements, options);
  return {
    body: typeof written === "string" ? Buffer.from(written, "utf8") : written,
    contentType: spec.contentType,
    filename: `${EXPORT_BASENAME}.${spec.extension}`,
  };
}
