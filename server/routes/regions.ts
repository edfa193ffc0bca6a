import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../model/api/common.ts";
import { regionsSchema } from "../../model/api/explore.ts";
import { listRegions } from "../repositories/regions.ts";

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/regions",
    {
      schema: {
        tags: ["explore"],
        summary: "Every region with its parent and, for enclaves (飞地), home district and host region",
        response: { 200: regionsSchema, ...errorResponses },
      },
    },
    async () => ({ regions: await listRegions(app.graph) }),
  );
};
