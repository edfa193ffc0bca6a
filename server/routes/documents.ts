import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listDocuments } from "../repositories/documents.ts";
import { errorResponses } from "../schemas/common.ts";
import { documentsSchema } from "../schemas/explore.ts";

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
