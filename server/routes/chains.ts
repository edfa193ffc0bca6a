import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../model/api/common.ts";
import { chainDetailSchema, chainsSchema, idParamsSchema } from "../../model/api/explore.ts";
import { getChain, listChains } from "../repositories/chains.ts";

export const chainRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/chains",
    {
      schema: {
        tags: ["explore"],
        summary: "Every industry chain with the regions that develop it or hold firms in it",
        response: { 200: chainsSchema, ...errorResponses },
      },
    },
    async () => ({ chains: await listChains(app.graph) }),
  );

  app.get(
    "/api/chains/:id",
    {
      schema: {
        tags: ["explore"],
        summary: "One chain's structure: segments by stage, sub-segments, expected flows (FEEDS)",
        params: idParamsSchema,
        response: { 200: chainDetailSchema, ...errorResponses },
      },
    },
    async (request) => getChain(app.graph, request.params.id),
  );
};
