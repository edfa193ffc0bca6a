import { z } from "zod";
import { entityIdSchema } from "./common.ts";

/** The file formats a subgraph exports to (the server's writers: server/export/formats.ts). */
export const EXPORT_FORMATS = ["json", "csv", "xlsx", "graphml", "gexf", "cypher"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MAX_EXPORT_NODES = 20_000;

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).default("json").describe("json, csv (one table), xlsx (Nodes and Edges sheets), graphml, gexf, cypher"),
  table: z.enum(["nodes", "edges"]).default("nodes").describe("For csv: which table"),
});

export const exportBodySchema = z.object({
  nodeIds: z.array(entityIdSchema).min(1, "select at least one node").max(MAX_EXPORT_NODES, `at most ${MAX_EXPORT_NODES} nodes`),
  edgeIds: z
    .array(z.string().min(1).max(1000))
    .max(5 * MAX_EXPORT_NODES)
    .optional()
    .describe("Only these edges (ids as in elements); by default every edge among the nodes"),
});
