import { z } from "zod";
import { entityIdOf as entityId, intParam, optionalIntParam } from "./common.ts";
import { elementsSchema, nodeDataSchema, sourceRefSchema } from "./elements.ts";

export const chainParamsSchema = z.object({ id: entityId("chain") });

const enclaves = z
  .enum(["home", "host", "both"])
  .default("home")
  .describe("How enclaves (飞地) count: home = the district that runs them elsewhere, host = where they sit, both");

export const gapQuerySchema = z.object({
  region: entityId("region"),
  enclaves,
  minFirms: optionalIntParam(1, 1000).describe("Fewer local firms than this makes a segment thin"),
  minAboveScale: optionalIntParam(0, 1000).describe("Fewer above-scale (规上) firms than this makes a segment thin"),
});

export const targetQuerySchema = z.object({
  region: entityId("region"),
  enclaves,
  segment: entityId("segment").optional().describe("The gap segment; by default every missing or thin segment"),
  limit: intParam(1, 100, 20),
});

export const compareQuerySchema = z.object({
  regions: z
    .string()
    .max(2000)
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(entityId("region")).min(1, "name at least one region").max(12, "at most 12 regions")),
  enclaves,
});

const bilingual = z.object({ zh: z.string(), en: z.string() });
const documentRef = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().optional(),
  date: z.string().optional(),
  file: z.string().optional(),
});

export const findingSchema = z.object({
  id: z.string(),
  kind: z.enum(["missing-segment", "thin-segment", "broken-link", "no-leader", "single-leader", "weak-leader-ties", "support-gap"]),
  severity: z.enum(["high", "medium", "low"]),
  segment: z.string().optional(),
  message: bilingual,
  evidence: z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()), sources: z.array(sourceRefSchema) }),
});

const stageCoverage = z.object({ segments: z.number(), covered: z.number() });

export const gapReportSchema = z.object({
  chain: nodeDataSchema,
  region: nodeDataSchema,
  enclaves: z.enum(["home", "host", "both"]),
  localRegionIds: z.array(z.string()),
  thresholds: z.object({ minFirms: z.number(), minAboveScale: z.number(), minLocalPartnerShare: z.number() }),
  segments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      stage: z.enum(["upstream", "midstream", "downstream"]),
      parent: z.string().optional(),
      localFirms: z.number(),
      aboveScaleFirms: z.number(),
      reportedFirms: z.number().optional(),
      outputYuan: z.number().optional(),
      localSupport: z.number(),
      firmIds: z.array(z.string()),
      leaders: z.array(z.string()),
      assumption: z.string().optional(),
    }),
  ),
  findings: z.array(findingSchema),
  summary: z.object({
    coverageByStage: z.object({ upstream: stageCoverage, midstream: stageCoverage, downstream: stageCoverage }),
    completeness: z.number().min(0).max(100),
    formula: z.string(),
    parts: z.object({ segmentShare: z.number(), flowShare: z.number(), leaderScore: z.number(), supportShare: z.number() }),
  }),
  documents: z.array(documentRef),
});

export const chainMapSchema = z.object({
  chain: nodeDataSchema,
  region: nodeDataSchema,
  enclaves: z.enum(["home", "host", "both"]),
  truncated: z.boolean(),
  elements: elementsSchema,
});

export const targetsSchema = z.object({
  segments: z.array(nodeDataSchema),
  targets: z.array(
    z.object({
      firm: nodeDataSchema,
      locatedIn: z.array(z.string()),
      score: z.number(),
      reasons: z.array(z.object({ kind: z.string(), weight: z.number(), message: bilingual, path: z.array(z.string()) })),
    }),
  ),
  matchmaking: z.array(z.object({ supplier: nodeDataSchema, buyer: nodeDataSchema, reason: bilingual })),
  elements: elementsSchema,
});

export const compareSchema = z.object({
  chain: nodeDataSchema,
  regions: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() })),
  segments: z.array(
    z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional(), stage: z.string(), parent: z.string().optional() }),
  ),
  cells: z.array(
    z.object({
      region: z.string(),
      segment: z.string(),
      firms: z.number(),
      aboveScaleFirms: z.number(),
      reportedFirms: z.number().optional(),
      leaders: z.number(),
      firmIds: z.array(z.string()),
    }),
  ),
});
