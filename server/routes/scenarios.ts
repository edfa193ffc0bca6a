import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../model/api/common.ts";
import {
  scenarioBodySchema,
  scenarioDeletedSchema,
  scenarioListQuerySchema,
  scenarioListSchema,
  scenarioOutcomeSchema,
  scenarioParamsSchema,
  scenarioSchema,
} from "../../model/api/scenarios.ts";
import { roleAllows } from "../auth/roles.ts";
import type { Principal } from "../auth/tokens.ts";
import { deleteScenario, getScenario, listScenarios } from "../repositories/scenarios.ts";
import { saveScenario, scenarioOutcome } from "../services/scenarios.ts";

const userOf = (request: { principal: { name: string } | null }) => request.principal?.name ?? "anonymous";

/** Who wrote a scenario is an editor's token name: shown to editors and admins only, as for imports. */
const forReader =
  (principal: Principal | null) =>
  <S extends { createdBy: string }>(scenario: S): S =>
    principal !== null && roleAllows(principal.role, "editor") ? scenario : { ...scenario, createdBy: "" };

/** Scenarios (远景): saved sets of hypothetical changes, kept apart from the facts; editors write them. */
export const scenarioRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/scenarios",
    {
      schema: {
        tags: ["scenarios"],
        summary: "Saved scenarios (远景), newest first",
        querystring: scenarioListQuerySchema,
        response: { 200: scenarioListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      scenarios: (await listScenarios(app.graph, request.query.chain, request.query.limit)).map(forReader(request.principal)),
    }),
  );

  app.post(
    "/api/scenarios",
    {
      config: { role: "editor" },
      schema: {
        tags: ["scenarios"],
        summary: "Save a scenario: hypothetical changes over the real graph, checked against it, never written into it",
        body: scenarioBodySchema,
        response: { 201: scenarioSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await saveScenario(app.graph, request.body, userOf(request))),
  );

  app.get(
    "/api/scenarios/:id",
    {
      schema: {
        tags: ["scenarios"],
        summary: "One scenario",
        params: scenarioParamsSchema,
        response: { 200: scenarioSchema, ...errorResponses },
      },
    },
    async (request) => forReader(request.principal)(await getScenario(app.graph, request.params.id)),
  );

  app.put(
    "/api/scenarios/:id",
    {
      config: { role: "editor" },
      schema: {
        tags: ["scenarios"],
        summary: "Replace a scenario's name, setting and changes",
        params: scenarioParamsSchema,
        body: scenarioBodySchema,
        response: { 200: scenarioSchema, ...errorResponses },
      },
    },
    async (request) => saveScenario(app.graph, request.body, userOf(request), request.params.id),
  );

  app.delete(
    "/api/scenarios/:id",
    {
      config: { role: "editor" },
      schema: {
        tags: ["scenarios"],
        summary: "Delete a scenario (the facts are untouched)",
        params: scenarioParamsSchema,
        response: { 200: scenarioDeletedSchema, ...errorResponses },
      },
    },
    async (request) => {
      await deleteScenario(app.graph, request.params.id);
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.get(
    "/api/scenarios/:id/outcome",
    {
      schema: {
        tags: ["scenarios"],
        summary: "现状 vs 远景: findings the scenario closes and opens, completeness before → after, what it adds",
        params: scenarioParamsSchema,
        response: { 200: scenarioOutcomeSchema, ...errorResponses },
      },
    },
    async (request) => {
      const outcome = await scenarioOutcome(app.graph, request.params.id);
      return { ...outcome, scenario: forReader(request.principal)(outcome.scenario) };
    },
  );
};
