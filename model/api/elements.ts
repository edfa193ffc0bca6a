import { z } from "zod";

/**
 * The one graph shape every endpoint returns: Cytoscape.js elements JSON. Extra properties
 * (tags, stage, sizeYuan ...) travel in `data` next to the required ones.
 */
export const sourceRefSchema = z.object({ doc: z.string(), quote: z.string() }).meta({ id: "SourceRef" });

export const nodeDataSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    label: z.string(),
    sources: z.array(sourceRefSchema),
  })
  .catchall(z.unknown())
  .meta({ id: "NodeData" });

export const edgeDataSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.string(),
    sources: z.array(sourceRefSchema),
  })
  .catchall(z.unknown())
  .meta({ id: "EdgeData" });

export const elementsSchema = z
  .object({
    nodes: z.array(z.object({ data: nodeDataSchema })),
    edges: z.array(z.object({ data: edgeDataSchema })),
  })
  .meta({ id: "Elements" });

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type NodeData = z.infer<typeof nodeDataSchema>;
export type EdgeData = z.infer<typeof edgeDataSchema>;
export type Elements = z.infer<typeof elementsSchema>;
