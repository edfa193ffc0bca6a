import { z } from "zod";
import { findingSchema } from "./analysis.ts";
import { enclavesParam as enclaves, entityIdOf as entityId, entityIdSchema, intParam } from "./common.ts";
import { elementsSchema, nodeDataSchema } from "./elements.ts";
import { scenarioIdSchema } from "./scenario-param.ts";

/** At most this many changes per scenario: a 远景 is a handful of moves, and each is applied to every analysis. */
export const MAX_SCENARIO_CHANGES = 200;

// The union's own message: zod's default for a union ("Invalid input") names neither choice.
const firmRef = z
  .union([entityIdSchema, z.string().regex(/^new:\d{1,3}$/)], {
    error: "must be a firm id (firm:…) or new:<n>, the firm that change n adds",
  })
  .describe("A firm id, or new:<n> for the new firm that change n (0-based) adds");
const name = z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters");

export const scenarioChangeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("add-firm"),
    firm: entityId("firm").optional().describe("An existing firm outside the region (e.g. a ranked target); leave out for a new firm"),
    name: name.optional().describe("A new firm's name"),
    nameEn: name.optional(),
    segment: entityId("segment"),
    aboveScale: z.boolean().optional().describe("Counts as above-scale (规上)"),
  }),
  z.object({ kind: z.literal("promote-project"), project: entityId("project") }),
  z.object({ kind: z.literal("add-tie"), from: firmRef, to: firmRef }),
  z.object({ kind: z.literal("remove-firm"), firm: entityId("firm") }),
  z.object({ kind: z.literal("remove-leader"), firm: entityId("firm") }),
]);

export const scenarioBodySchema = z.object({
  name,
  description: z.string().max(2000, "at most 2000 characters").optional(),
  chain: entityId("chain"),
  region: entityId("region"),
  enclaves,
  changes: z
    .array(scenarioChangeSchema)
    .min(1, "a scenario needs at least one change")
    .max(MAX_SCENARIO_CHANGES, `at most ${MAX_SCENARIO_CHANGES} changes per scenario`),
});

export type ScenarioBody = z.input<typeof scenarioBodySchema>;
export type ScenarioChangeBody = z.infer<typeof scenarioChangeSchema>;

export const scenarioSchema = scenarioBodySchema
  .extend({
    id: z.string(),
    createdBy: z.string().describe("The editor's token name; empty for readers without the editor role"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Scenario" });
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenarioParamsSchema = z.object({ id: scenarioIdSchema });

export const scenarioListQuerySchema = z.object({
  chain: entityId("chain").optional(),
  limit: intParam(1, 500, 100),
});

export const scenarioListSchema = z.object({ scenarios: z.array(scenarioSchema) }).meta({ id: "ScenarioList" });

const completeness = z.object({ before: z.number(), after: z.number() });

export const scenarioOutcomeSchema = z
  .object({
    scenario: scenarioSchema,
    chain: nodeDataSchema,
    region: nodeDataSchema,
    completeness,
    closed: z.array(findingSchema).describe("Findings of the 现状 the 远景 no longer has"),
    opened: z.array(findingSchema).describe("Findings the 远景 has that the 现状 has not"),
    kept: z.number().describe("Findings in both"),
    added: elementsSchema.describe("Firms, projects and ties the scenario adds (drawn dashed)"),
    removed: z.array(z.string()).describe("Firms the scenario takes out of the region"),
    unled: z.array(z.string()).describe("Firms whose chain-leader role the scenario withdraws"),
    named: z
      .array(nodeDataSchema)
      .describe("The graph's own firms the outcome refers to by id (removed, unled, ends of added ties), with their names"),
  })
  .meta({ id: "ScenarioOutcome" });
export type ScenarioOutcome = z.infer<typeof scenarioOutcomeSchema>;
export type ScenarioFinding = ScenarioOutcome["closed"][number];

export const scenarioDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) }).meta({ id: "ScenarioDeleted" });
