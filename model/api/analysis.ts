import { z } from "zod";
import {
  bilingualSchema as bilingual,
  enclaveModeSchema,
  enclavesParam as enclaves,
  entityIdOf as entityId,
  intParam,
  optionalIntParam,
} from "./common.ts";
import { elementsSchema, nodeDataSchema, sourceRefSchema } from "./elements.ts";
import { documentRefSchema, segmentSummarySchema } from "./explore.ts";
import { scenarioParam } from "./scenario-param.ts";

export const chainParamsSchema = z.object({ id: entityId("chain") });

export const gapQuerySchema = z.object({
  region: entityId("region"),
  enclaves,
  minFirms: optionalIntParam(1, 1000).describe("Fewer local firms than this makes a segment thin"),
  minAboveScale: optionalIntParam(0, 1000).describe("Fewer above-scale (规上) firms than this makes a segment thin"),
  minLocalSupplierShare: z
    .string()
    .regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, "must be a share between 0 and 1, like 0.3")
    .transform(Number)
    .optional()
    .describe("A chain leader buying from local suppliers less than this share (本地配套率) has weak local ties"),
  top: intParam(1, 100, 10).describe("How many of the prioritised findings `top` lists"),
  scenario: scenarioParam,
});

export const targetQuerySchema = z.object({
  region: entityId("region"),
  enclaves,
  segment: entityId("segment").optional().describe("The gap segment; by default every missing or thin segment"),
  limit: intParam(1, 100, 20),
  offset: intParam(0, 10_000, 0).describe("Ranked candidates to skip (paging)"),
  scenario: scenarioParam,
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
  scenario: scenarioParam.describe("Show the scenario's own region under this saved scenario (远景)"),
});

const share = z.number().nullable().describe("null when there is nothing to divide by");
const leaderRatiosSchema = z.object({
  suppliers: z.number(),
  localSuppliers: z.number(),
  supplierShare: share,
  customers: z.number(),
  localCustomers: z.number(),
  customerShare: share,
});

export const findingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["missing-segment", "thin-segment", "broken-link", "no-leader", "single-leader", "weak-leader-ties", "support-gap"]),
    severity: z.enum(["high", "medium", "low"]),
    segment: z.string().optional(),
    message: bilingual,
    evidence: z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()), sources: z.array(sourceRefSchema) }),
    priority: z.number().describe("Higher first: severity, stage, leader dependence, blocked flows, targets exist"),
    priorityParts: z.record(z.string(), z.number()),
    group: z.string().describe("The finding's segment, or 'leader' / 'support'"),
    nextAction: z.enum(["targets", "matchmaking", "support"]),
    ratios: leaderRatiosSchema.optional(),
  })
  .meta({ id: "Finding" });
export type Finding = z.infer<typeof findingSchema>;

const stageCoverage = z.object({ segments: z.number(), covered: z.number() });

export const gapReportSchema = z
  .object({
    chain: nodeDataSchema,
    region: nodeDataSchema,
    enclaves: enclaveModeSchema,
    localRegionIds: z.array(z.string()),
    thresholds: z.object({ minFirms: z.number(), minAboveScale: z.number(), minLocalSupplierShare: z.number() }),
    segments: z.array(
      segmentSummarySchema.extend({
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
    findings: z.array(findingSchema).describe("Every finding, highest priority first"),
    top: z.array(z.string()).describe("Ids of the first `top` findings"),
    groups: z.array(z.object({ group: z.string(), count: z.number(), topPriority: z.number() })),
    priorityWeights: z.record(z.string(), z.unknown()),
    leaders: z.array(leaderRatiosSchema.extend({ id: z.string(), name: z.string(), nameEn: z.string().optional(), weak: z.boolean() })),
    summary: z.object({
      coverageByStage: z.object({ upstream: stageCoverage, midstream: stageCoverage, downstream: stageCoverage }),
      completeness: z.number().min(0).max(100),
      formula: z.string(),
      parts: z.object({ segmentShare: z.number(), flowShare: z.number(), leaderScore: z.number(), supportShare: z.number() }),
      support: z
        .array(
          z.object({
            category: z.enum(["research", "innovation-platform", "incubator", "fund"]),
            id: z.string(),
            name: z.string(),
            via: z.array(z.enum(["serves", "invests", "sponsored-focus"])),
            message: bilingual,
          }),
        )
        .describe(
          "The operating local actors that fill a support category, and by which rule each counts (a fund: serves, invests, sponsored-focus)",
        ),
    }),
    documents: z.array(documentRefSchema),
  })
  .meta({ id: "GapReport" });
export type GapReport = z.infer<typeof gapReportSchema>;

export const chainMapSchema = z
  .object({
    chain: nodeDataSchema,
    region: nodeDataSchema,
    enclaves: enclaveModeSchema,
    truncated: z.boolean().describe("True when the map shows only the first firms (the server's map firm limit)"),
    elements: elementsSchema,
  })
  .meta({ id: "ChainMap" });
export type ChainMap = z.infer<typeof chainMapSchema>;

const scoredReason = z.object({ kind: z.string(), weight: z.number(), message: bilingual });

export const targetsSchema = z
  .object({
    segments: z.array(nodeDataSchema),
    total: z.number().describe("Eligible candidates scored (at most scanCap)"),
    offset: z.number(),
    limit: z.number(),
    truncated: z.boolean().describe("True when more than scanCap candidates were eligible and the scan stopped there"),
    scanCap: z.number(),
    weights: z.object({ signals: z.record(z.string(), z.number()), tags: z.record(z.string(), z.number()), perKindCap: z.number() }),
    densities: z.array(
      z.object({
        segment: z.string(),
        density: z.number(),
        nearest: z.array(z.object({ segment: z.string(), phi: z.number() })),
      }),
    ),
    targets: z.array(
      z.object({
        rank: z.number(),
        firm: nodeDataSchema,
        locatedIn: z.array(z.string()),
        gaps: z.array(z.string()),
        score: z.number(),
        reasons: z.array(
          scoredReason.extend({
            count: z.number(),
            path: z.array(z.string()),
            paths: z.array(z.object({ nodes: z.array(z.string()), edgeIds: z.array(z.string()) })),
          }),
        ),
      }),
    ),
    route: z.object({
      steps: z.array(z.object({ step: z.number(), firm: nodeDataSchema, closes: z.array(z.string()), score: z.number() })),
      unclosed: z.array(z.string()),
      method: z.string(),
    }),
    matchmaking: z.array(
      z.object({ supplier: nodeDataSchema, buyer: nodeDataSchema, reason: bilingual, score: z.number(), reasons: z.array(scoredReason) }),
    ),
    elements: elementsSchema,
  })
  .meta({ id: "Targets" });
export type Targets = z.infer<typeof targetsSchema>;
export type TargetReason = Targets["targets"][number]["reasons"][number];

export const compareSchema = z
  .object({
    chain: nodeDataSchema,
    regions: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() })),
    segments: z.array(segmentSummarySchema),
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
  })
  .meta({ id: "Compare" });
export type Compare = z.infer<typeof compareSchema>;
