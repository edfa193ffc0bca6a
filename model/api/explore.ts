import { z } from "zod";
import { ENTITY_LABELS, RELATIONSHIP_TYPES, STAGES } from "../domain.ts";
import { entityIdSchema, intParam } from "./common.ts";
import { elementsSchema, nodeDataSchema } from "./elements.ts";

/** The node types a client may name: the lowercase entity labels (firm, fund, region ...). */
export const ENTITY_TYPES = ENTITY_LABELS.map((label) => label.toLowerCase());

/** A comma-separated query value checked against an allow-list; the 400 names the parameter. */
function csvOf(allowed: readonly string[], what: string) {
  // The same rule as a pattern, so /openapi.json states the allow-list the refine enforces.
  const item = `\\s*(${allowed.join("|")})?\\s*`;
  return z
    .string()
    .max(2000)
    .meta({ pattern: `^${item}(,${item})*$` })
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z.array(
        z
          .string()
          .refine((v) => allowed.includes(v), { error: (issue) => `unknown ${what} "${issue.input}"; allowed: ${allowed.join(", ")}` }),
      ),
    );
}

export const typesParam = csvOf(ENTITY_TYPES, "type").describe(`Comma-separated node types: ${ENTITY_TYPES.join(", ")}`);
export const relTypesParam = csvOf(RELATIONSHIP_TYPES, "relationship type").describe(
  `Comma-separated relationship types: ${RELATIONSHIP_TYPES.join(", ")}`,
);

export const idParamsSchema = z.object({ id: entityIdSchema });

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "type at least one character")
    .max(100, "at most 100 characters")
    .describe("Name, English name or alias; 中文 or English"),
  types: typesParam.optional(),
  limit: intParam(1, 50, 20),
});

export const searchResultsSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        label: z.string(),
        nameEn: z.string().optional(),
        aliases: z.array(z.string()),
        score: z.number(),
      }),
    ),
  })
  .meta({ id: "SearchResults" });
export type SearchResult = z.infer<typeof searchResultsSchema>["results"][number];

export const documentRefSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    outlet: z.string().optional(),
    date: z.string().optional(),
    file: z.string().optional(),
  })
  .meta({ id: "DocumentRef" });
export type DocumentRef = z.infer<typeof documentRefSchema>;

export const nodeDetailSchema = z
  .object({
    node: nodeDataSchema,
    documents: z.array(documentRefSchema),
    degree: z.record(z.string(), z.number()).describe("Relationships per type, both directions"),
  })
  .meta({ id: "NodeDetail" });
export type NodeDetail = z.infer<typeof nodeDetailSchema>;

export const MAX_DEPTH = 3;
export const neighborsQuerySchema = z.object({
  depth: intParam(1, MAX_DEPTH, 1, `at most ${MAX_DEPTH} hops`),
  relTypes: relTypesParam.optional(),
  types: typesParam.optional(),
  limit: intParam(1, 2000, 200).describe("Most nodes returned, the centre included"),
});

export const neighborsSchema = z.object({ elements: elementsSchema, truncated: z.boolean() }).meta({ id: "Neighbors" });

export const pathsQuerySchema = z
  .object({
    from: entityIdSchema,
    to: entityIdSchema.describe("must differ from `from`"),
    maxHops: intParam(1, 6, 4),
    limit: intParam(1, 10, 5),
  })
  .refine((q) => q.from !== q.to, { path: ["to"], message: "must differ from `from`" });

export const pathsSchema = z
  .object({
    paths: z.array(z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()) })),
    elements: elementsSchema,
  })
  .meta({ id: "Paths" });
export type Paths = z.infer<typeof pathsSchema>;

export const regionsSchema = z
  .object({
    regions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        nameEn: z.string().optional(),
        kind: z.string(),
        parent: z.string().optional(),
        enclaveOf: z.string().optional(),
        locatedIn: z.string().optional(),
      }),
    ),
  })
  .meta({ id: "Regions" });
export type Region = z.infer<typeof regionsSchema>["regions"][number];

export const chainsSchema = z
  .object({
    chains: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional(), regions: z.array(z.string()) })),
  })
  .meta({ id: "Chains" });
export type Chain = z.infer<typeof chainsSchema>["chains"][number];

/** A segment as every chain answer names it: stage in chain order, sub-segments under their parent. */
export const segmentSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().optional(),
    stage: z.enum(STAGES),
    parent: z.string().optional(),
  })
  .meta({ id: "SegmentSummary" });

export const chainDetailSchema = z
  .object({
    chain: z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() }),
    segments: z.array(segmentSummarySchema.extend({ assumption: z.string().optional() })),
    flows: z.array(z.object({ from: z.string(), to: z.string() })),
    elements: elementsSchema,
  })
  .meta({ id: "ChainDetail" });
export type ChainDetail = z.infer<typeof chainDetailSchema>;

export const documentsSchema = z
  .object({
    documents: z.array(documentRefSchema.extend({ authors: z.array(z.string()) })),
  })
  .meta({ id: "Documents" });
