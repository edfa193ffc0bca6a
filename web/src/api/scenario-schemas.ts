import { z } from "zod";
import { elementsSchema } from "./schemas.ts";

/** The scenario (远景), resilience (韧性) and change answers as the front end relies on them; extra fields pass. */
const named = z.looseObject({ id: z.string(), label: z.string() });
const finding = z.looseObject({
  id: z.string(),
  kind: z.string(),
  severity: z.string(),
  segment: z.string().optional(),
  message: z.object({ zh: z.string(), en: z.string().optional() }),
});
export type ScenarioFinding = z.infer<typeof finding>;

export const scenarioSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  chain: z.string(),
  region: z.string(),
  changes: z.array(z.looseObject({ kind: z.string() })),
  updatedAt: z.string(),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export const scenarioListResponse = z.object({ scenarios: z.array(scenarioSchema) });

export const scenarioOutcomeResponse = z.object({
  scenario: scenarioSchema,
  chain: named,
  region: named,
  completeness: z.object({ before: z.number(), after: z.number() }),
  closed: z.array(finding),
  opened: z.array(finding),
  kept: z.number(),
  added: elementsSchema,
  removed: z.array(z.string()),
  unled: z.array(z.string()),
});
export type ScenarioOutcome = z.infer<typeof scenarioOutcomeResponse>;

const flowRef = z.object({ from: z.string(), to: z.string() });
const flowDependence = flowRef.extend({ suppliers: z.number(), singleSource: z.string().nullable(), outsideProvinceOnly: z.boolean() });
export const resilienceResponse = z.object({
  chain: named,
  region: named,
  truncated: z.boolean(),
  segments: z.array(z.looseObject({ id: z.string(), name: z.string(), nameEn: z.string().optional() })),
  localFirms: z.number(),
  critical: z.array(
    z.looseObject({
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
  ),
  outsideSuppliers: z.array(
    z.looseObject({
      supplier: z.string(),
      name: z.string(),
      inProvince: z.boolean(),
      localBuyers: z.array(z.string()),
      buyersLeftWithoutSupplier: z.array(z.string()),
      leadersSupplied: z.array(z.string()),
      score: z.number(),
    }),
  ),
  singleSource: z.array(flowDependence),
  outsideProvince: z.array(flowDependence),
  measures: z.looseObject({ articulationPoints: z.array(z.string()), bridges: z.array(flowRef) }),
});
export type Resilience = z.infer<typeof resilienceResponse>;
