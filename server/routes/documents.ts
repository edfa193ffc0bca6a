import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../model/api/common.ts";
import { documentsSchema } from "../../model/api/explore.ts";
import { listDocuments } from "../repositories/documents.ts";

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/documents",
    {
      schema: {
        tags: ["explore"],
        summary: "The source documents the facts cite, newest first",
        response: { 200: documentsSchema, ...errorResponses },
      },
    },
    async () => ({ documents: await listDocuments(app.graph) }),
  );
};
