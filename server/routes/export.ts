import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { attachment } from "../export/content-disposition.ts";
import { exportFile } from "../export/formats.ts";
import { selectedSubgraph } from "../repositories/subgraph.ts";
import { errorResponses } from "../schemas/common.ts";
import { exportBodySchema, exportFileSchema, exportQuerySchema } from "../schemas/export.ts";

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/export",
    {
      // A read that carries its selection in a body: viewers may export what they may see.
      config: { role: "viewer" },
      schema: {
        tags: ["explore"],
        summary: "Download a subgraph as JSON, CSV, XLSX, GraphML, GEXF or a Cypher script",
        querystring: exportQuerySchema,
        body: exportBodySchema,
        response: { 200: exportFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const elements = await selectedSubgraph(app.graph, request.body.nodeIds, request.body.edgeIds);
      const file = await exportFile(elements, request.query.format, { table: request.query.table });
      return reply.type(file.contentType).header("Content-Disposition", attachment(file.filename)).send(file.body);
    },
  );
};
