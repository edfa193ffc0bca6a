import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../model/api/common.ts";
import { pathsQuerySchema, pathsSchema } from "../../model/api/explore.ts";
import { findPaths } from "../repositories/paths.ts";

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
