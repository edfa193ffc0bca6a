import { z } from "zod";
import { STAGES } from "../../../model/domain.ts";

/**
 * The API's answers as the front end relies on them (see the API contract). Checked with zod on
 * arrival so a changed server shows a plain error instead of a half-drawn graph; extra fields pass.
 */
const source = z.object({ doc: z.string(), quote: z.string().default("") });
export type SourceRef = z.infer<typeof source>;
const bilingual = z.object({ zh: z.string(), en: z.string().optional() });
export type Bilingual = z.infer<typeof bilingual>;

export const nodeDataSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  label: z.string(),
  sources: z.array(source).default([]),
});
export const edgeDataSchema = z.looseObject({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  sources: z.array(source).default([]),
});
export const elementsSchema = z.object({
  nodes: z.array(z.object({ data: nodeDataSchema })).default([]),
  edges: z.array(z.object({ data: edgeDataSchema })).default([]),
});
export type NodeData = z.infer<typeof nodeDataSchema>;
export type EdgeData = z.infer<typeof edgeDataSchema>;
export type Elements = z.infer<typeof elementsSchema>;

const named = z.looseObject({ id: z.string(), name: z.string(), nameEn: z.string().nullish() });
const documentRef = z.looseObject({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullish(),
  date: z.string().nullish(),
  file: z.string().nullish(),
});
export type DocumentRef = z.infer<typeof documentRef>;

export const searchResponse = z.object({
  results: z.array(
    z.looseObject({
      id: z.string(),
      type: z.string(),
      label: z.string(),
      nameEn: z.string().nullish(),
      aliases: z.array(z.string()).default([]),
      score: z.number().default(0),
    }),
  ),
});
export type SearchResult = z.infer<typeof searchResponse>["results"][number];

export const nodeResponse = z.object({
  node: nodeDataSchema,
  documents: z.array(documentRef).default([]),
  degree: z.record(z.string(), z.number()).default({}),
});
export type NodeDetails = z.infer<typeof nodeResponse>;

export const neighborsResponse = z.object({ elements: elementsSchema, truncated: z.boolean().default(false) });
export const pathsResponse = z.object({
  paths: z.array(z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()).default([]) })),
  elements: elementsSchema,
});
export type PathsAnswer = z.infer<typeof pathsResponse>;

export const regionsResponse = z.object({
  regions: z.array(
    named.extend({ kind: z.string(), parent: z.string().nullish(), enclaveOf: z.string().nullish(), locatedIn: z.string().nullish() }),
  ),
});
export type Region = z.infer<typeof regionsResponse>["regions"][number];

/** `developedBy`: the regions with a DEVELOPS tie to the chain, where its map is worth opening first. */
export const chainsResponse = z.object({
  chains: z.array(named.extend({ regions: z.array(z.string()).default([]), developedBy: z.array(z.string()).default([]) })),
});
export type Chain = z.infer<typeof chainsResponse>["chains"][number];

const stage = z.enum(STAGES);

export const chainResponse = z.object({
  chain: named,
  segments: z.array(named.extend({ stage, parent: z.string().nullish(), assumption: z.string().nullish() })),
  flows: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
  elements: elementsSchema,
});

/** `truncated`: the server drew only the first firms (MAP_FIRM_LIMIT); the view must say so. */
export const mapResponse = z.object({
  chain: named,
  region: named,
  enclaves: z.enum(["home", "host", "both"]),
  truncated: z.boolean(),
  elements: elementsSchema,
});
export type ChainMap = z.infer<typeof mapResponse>;

const finding = z.object({
  id: z.string(),
  kind: z.string(),
  severity: z.enum(["high", "medium", "low"]),
  segment: z.string().nullish(),
  message: bilingual,
  evidence: z
    .object({
      nodeIds: z.array(z.string()).default([]),
      edgeIds: z.array(z.string()).default([]),
      sources: z.array(source).default([]),
    })
    .default({ nodeIds: [], edgeIds: [], sources: [] }),
  priority: z.number().default(0),
  group: z.string().nullish(),
  nextAction: z.enum(["targets", "matchmaking", "support"]).nullish(),
});
export type Finding = z.infer<typeof finding>;

export const gapsResponse = z.object({
  chain: named,
  region: named,
  segments: z.array(
    named.extend({
      stage,
      parent: z.string().nullish(),
      localFirms: z.number().default(0),
      aboveScaleFirms: z.number().default(0),
      outputYuan: z.number().nullish(),
      leaders: z.array(z.string()).default([]),
    }),
  ),
  findings: z.array(finding),
  thresholds: z.object({ minFirms: z.number(), minAboveScale: z.number() }).partial().optional(),
  top: z.array(z.string()).default([]),
  groups: z.array(z.object({ group: z.string(), count: z.number(), topPriority: z.number() })).default([]),
  leaders: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        suppliers: z.number(),
        localSuppliers: z.number(),
        supplierShare: z.number().nullable(),
        customers: z.number(),
        localCustomers: z.number(),
        customerShare: z.number().nullable(),
        weak: z.boolean(),
      }),
    )
    .default([]),
  summary: z.looseObject({
    coverageByStage: z.record(z.string(), z.object({ segments: z.number(), covered: z.number() })).default({}),
    completeness: z.number(),
    formula: z.string().default(""),
  }),
  documents: z.array(documentRef).default([]),
});
export type Gaps = z.infer<typeof gapsResponse>;

const reason = z.object({
  kind: z.string(),
  weight: z.number(),
  count: z.number().default(1),
  message: bilingual,
  path: z.array(z.string()).default([]),
  paths: z.array(z.object({ nodes: z.array(z.string()), edgeIds: z.array(z.string()).default([]) })).default([]),
});
export type TargetReason = z.infer<typeof reason>;
export const targetsResponse = z.object({
  segment: z.union([named, z.string()]).nullish(),
  total: z.number().default(0),
  offset: z.number().default(0),
  truncated: z.boolean().default(false),
  scanCap: z.number().nullish(),
  targets: z.array(
    z.object({
      rank: z.number().nullish(),
      firm: nodeDataSchema,
      score: z.number(),
      locatedIn: z.array(z.string()).default([]),
      gaps: z.array(z.string()).default([]),
      reasons: z.array(reason).default([]),
    }),
  ),
  route: z
    .object({
      steps: z.array(z.object({ step: z.number(), firm: nodeDataSchema, closes: z.array(z.string()), score: z.number() })),
      unclosed: z.array(z.string()).default([]),
      method: z.string().default(""),
    })
    .default({ steps: [], unclosed: [], method: "" }),
  matchmaking: z
    .array(z.object({ supplier: nodeDataSchema, buyer: nodeDataSchema, reason: bilingual, score: z.number().nullish() }))
    .default([]),
  elements: elementsSchema,
});
export type Targets = z.infer<typeof targetsResponse>;

export const compareResponse = z.object({
  chain: named,
  regions: z.array(named.partial({ name: true })),
  segments: z.array(named.extend({ stage })),
  cells: z.array(
    z.object({
      region: z.string(),
      segment: z.string(),
      firms: z.number(),
      aboveScaleFirms: z.number().default(0),
      leaders: z.union([z.number(), z.array(z.string()).transform((ids) => ids.length)]).default(0),
      firmIds: z.array(z.string()).default([]),
    }),
  ),
});
export type Compare = z.infer<typeof compareResponse>;

export const documentsResponse = z.object({ documents: z.array(documentRef) });

const statusCounts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

export const importBatchSchema = z.looseObject({
  id: z.string(),
  user: z.string(),
  at: z.string(),
  fileName: z.string(),
  status: z.enum(["applying", "applied", "reverting", "reverted"]),
  revertedAt: z.string().optional(),
  revertedBy: z.string().optional(),
  entitiesCreated: z.number(),
  entitiesUpdated: z.number(),
  entitiesUnchanged: z.number(),
  relationsCreated: z.number(),
  relationsUpdated: z.number(),
  relationsUnchanged: z.number(),
  documentsCreated: z.number().default(0),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

/** The import endpoint's report; it comes with 200 (done or could be done) and with 422 (refused). */
export const importReportSchema = z.looseObject({
  dryRun: z.boolean(),
  ok: z.boolean(),
  message: z.string(),
  fileName: z.string(),
  sheets: z
    .array(
      z.object({ file: z.string(), sheet: z.string().nullable(), kind: z.string().nullable(), encoding: z.string(), rows: z.number() }),
    )
    .default([]),
  counts: z.object({ entities: statusCounts, relations: statusCounts, documentsCreated: z.number().default(0) }),
  problems: z
    .array(
      z.object({
        file: z.string(),
        sheet: z.string().nullable(),
        row: z.number().nullable(),
        column: z.string().nullable(),
        message: z.string(),
        severity: z.enum(["error", "warning"]),
      }),
    )
    .default([]),
  /** Every problem found; the server lists only the first ones (IMPORT_MAX_PROBLEMS). */
  problemsTotal: z.number().optional(),
  changes: z.array(z.object({ status: z.enum(["created", "updated"]), what: z.string() })).default([]),
  changesOmitted: z.number().default(0),
  matches: z
    .array(z.object({ file: z.string(), sheet: z.string().nullable(), row: z.number(), id: z.string(), message: z.string() }))
    .default([]),
  batch: importBatchSchema.optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importBatchesResponse = z.object({ batches: z.array(importBatchSchema) });

export const apiErrorBody = z.object({
  statusCode: z.number().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
