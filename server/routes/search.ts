import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../model/api/common.ts";
import { searchQuerySchema, searchResultsSchema } from "../../model/api/explore.ts";
import { ENTITY_LABELS } from "../../model/domain.ts";
import { searchEntities } from "../repositories/search.ts";
import { labelsFor } from "./type-filters.ts";

// Figures are numbers about a region, not things one looks up by name: only when asked for.
const SEARCHED_BY_DEFAULT = ENTITY_LABELS.filter((label) => label !== "Figure");

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/search",
    {
      schema: {
        tags: ["explore"],
        summary: "Find entities by name, English name or alias (中文 partial names, prefixes, typos)",
        querystring: searchQuerySchema,
        response: { 200: searchResultsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { q, types, limit } = request.query;
      return { results: await searchEntities(app.graph, q, labelsFor(types, SEARCHED_BY_DEFAULT), limit) };
    },
  );
};
