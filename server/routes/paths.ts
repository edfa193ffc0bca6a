import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { findPaths } from "../repositories/paths.ts";
import { errorResponses } from "../schemas/common.ts";
import { pathsQuerySchema, pathsSchema } from "../schemas/explore.ts";

export const pathRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/paths",
    {
      schema: {
        tags: ["explore"],
        summary: "How two entities are connected: all shortest paths up to maxHops",
        querystring: pathsQuerySchema,
        response: { 200: pathsSchema, ...errorResponses },
      },
    },
    async (request) => findPaths(app.graph, request.query),
  );
};
