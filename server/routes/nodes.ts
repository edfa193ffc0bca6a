import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../model/api/common.ts";
import { idParamsSchema, neighborsQuerySchema, neighborsSchema, nodeDetailSchema } from "../../model/api/explore.ts";
import { expandNeighbors, getNode } from "../repositories/nodes.ts";
import { labelsFor, relTypesFor } from "./type-filters.ts";

export const nodeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/nodes/:id",
    {
      schema: {
        tags: ["explore"],
        summary: "One entity with its cited documents and its relationships counted by type",
        params: idParamsSchema,
        response: { 200: nodeDetailSchema, ...errorResponses },
      },
    },
    async (request) => getNode(app.graph, request.params.id),
  );

  app.get(
    "/api/nodes/:id/neighbors",
    {
      schema: {
        tags: ["explore"],
        summary: "The neighbourhood of an entity up to 3 hops, nearest first, capped at `limit` nodes",
        params: idParamsSchema,
        querystring: neighborsQuerySchema,
        response: { 200: neighborsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { depth, relTypes, types, limit } = request.query;
      return expandNeighbors(app.graph, request.params.id, { depth, limit, relTypes: relTypesFor(relTypes), labels: labelsFor(types) });
    },
  );
};
