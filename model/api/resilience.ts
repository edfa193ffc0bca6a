import { z } from "zod";
import { isCalendarDate, NOT_A_CALENDAR_DATE } from "../calendar-date.ts";
import { findingSchema } from "./analysis.ts";
import { enclaveModeSchema, enclavesParam, entityIdOf } from "./common.ts";
import { nodeDataSchema } from "./elements.ts";
import { scenarioParam } from "./scenario-param.ts";

const flowRef = z.object({ from: z.string(), to: z.string() });
const flowDependence = flowRef.extend({
  suppliers: z.number().describe("Distinct suppliers (local or not) of the local buyers in this flow"),
  singleSource: z.string().nullable().describe("The one supplier, when there is exactly one"),
  outsideProvinceOnly: z.boolean().describe("Every supplier sits outside the province"),
});

export const resilienceSchema = z
  .object({
    chain: nodeDataSchema,
    region: nodeDataSchema,
    enclaves: enclaveModeSchema,
    provinceIds: z.array(z.string()),
    truncated: z.boolean().describe("More local firms than the report knocks out; the first ones (leaders first) were assessed"),
    segments: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional(), stage: z.string() })),
    localFirms: z.number(),
    critical: z
      .array(
        z.object({
          firm: z.string(),
          name: z.string(),
          leader: z.boolean(),
          segmentsLost: z.array(z.string()),
          flowsOpened: z.array(flowRef),
          leadersOrphaned: z.array(z.string()),
          otherFindings: z.array(z.string()),
          betweenness: z.number(),
          articulationPoint: z.boolean(),
          score: z.number(),
        }),
      )
      .describe("Every local firm knocked out in turn, most critical first"),
    outsideSuppliers: z.array(
      z.object({
        supplier: z.string(),
        name: z.string(),
        inProvince: z.boolean(),
        localBuyers: z.array(z.string()),
        buyersLeftWithoutSupplier: z.array(z.string()),
        leadersSupplied: z.array(z.string()),
        score: z.number(),
      }),
    ),
    flows: z.array(flowDependence),
    singleSource: z.array(flowDependence),
    outsideProvince: z.array(flowDependence),
    measures: z.object({
      articulationPoints: z.array(z.string()),
      bridges: z.array(flowRef),
      supplyGraph: z.object({ nodes: z.number(), edges: z.number() }),
    }),
    weights: z.record(z.string(), z.number()),
  })
  .meta({ id: "Resilience" });

export const resilienceQuerySchema = z.object({
  region: entityIdOf("region"),
  enclaves: enclavesParam,
  scenario: scenarioParam,
});

const moment = z
  .string()
  .max(100)
  .regex(
    /^(\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?|import-[0-9a-z-]{1,60})$/,
    "must be a date (2026-11-26), a time (2026-11-26T09:30:00Z) or an import batch id (import-…)",
  )
  .refine((text) => text.startsWith("import-") || isCalendarDate(text.slice(0, 10)), NOT_A_CALENDAR_DATE);

export const changesQuerySchema = z.object({
  region: entityIdOf("region"),
  enclaves: enclavesParam,
  from: moment.describe("The earlier moment: a date, a time or an import batch (just after it)"),
  to: moment.optional().describe("The later moment; now when left out"),
});

export const changesSchema = z
  .object({
    chain: nodeDataSchema,
    region: nodeDataSchema,
    from: z.string(),
    to: z.string().nullable().describe("null: now"),
    batches: z.array(z.string()).describe("Import batches applied between the two moments and still in effect"),
    reverted: z.array(z.string()).describe("Import batches in effect at `from` and reverted by `to`: their firms are gone"),
    segments: z
      .array(z.object({ id: z.string(), name: z.string(), added: z.array(z.string()), removed: z.array(z.string()) }))
      .describe("Firms added per segment, and firms a revert removed"),
    firms: z.record(z.string(), z.string()).describe("The name of every firm listed as added or removed"),
    completeness: z.object({ before: z.number(), after: z.number() }),
    closed: z.array(findingSchema),
    opened: z.array(findingSchema),
    kept: z.number(),
  })
  .meta({ id: "ChangeReport" });
export type Resilience = z.infer<typeof resilienceSchema>;
