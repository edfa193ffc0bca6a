import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { chainParamsSchema } from "../../model/api/analysis.ts";
import { errorResponses } from "../../model/api/common.ts";
import { changesQuerySchema, changesSchema, resilienceQuerySchema, resilienceSchema } from "../../model/api/resilience.ts";
import { chainChanges } from "../services/changes.ts";
import { chainResilience } from "../services/resilience.ts";
import { scenarioChanges } from "../services/scenarios.ts";

/** Resilience (韧性, 卡脖子 points) and what changed between two moments, for a chain in a region. */
export const resilienceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/chains/:id/resilience",
    {
      schema: {
        tags: ["analysis"],
        summary: "Resilience (韧性): each local firm and outside supplier knocked out in turn, single-source and outside-province flows",
        params: chainParamsSchema,
        querystring: resilienceQuerySchema,
        response: { 200: resilienceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { scenario, ...query } = request.query;
      const changes = (await scenarioChanges(app.graph, scenario, request.params.id, query.region))?.changes;
      return chainResilience(app.graph, { chain: request.params.id, ...query, changes });
    },
  );

  app.get(
    "/api/chains/:id/changes",
    {
      schema: {
        tags: ["analysis"],
        summary: "What changed between two dates or import batches: firms per segment, findings closed and opened, completeness",
        params: chainParamsSchema,
        querystring: changesQuerySchema,
        response: { 200: changesSchema, ...errorResponses },
      },
    },
    async (request) => chainChanges(app.graph, { chain: request.params.id, ...request.query }),
  );
};
