import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../model/api/common.ts";
import { exportBodySchema, exportQuerySchema } from "../../model/api/export.ts";
import type { Principal } from "../auth/tokens.ts";
import { attachment } from "../export/content-disposition.ts";
import { exportFile, FORMATS } from "../export/formats.ts";
import { HttpError } from "../plugins/errors.ts";
import { selectedSubgraph } from "../repositories/subgraph.ts";
import { fileResponse } from "./file-response.ts";

const exportFileSchema = fileResponse(
  "The file, as an attachment named chain-atlas-subgraph.<ext>",
  Object.values(FORMATS).map((format) => format.contentType),
);

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/export",
    {
      // A read that carries its selection in a body: viewers may export what they may see.
      config: { role: "viewer", heavy: "export" },
      schema: {
        tags: ["explore"],
        summary: "Download a subgraph as JSON, CSV, XLSX, GraphML, GEXF or a Cypher script",
        querystring: exportQuerySchema,
        body: exportBodySchema,
        response: { 200: exportFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      assertExportSizeAllowed(request.principal, request.body.nodeIds.length, app.security.heavyWork.anonymousExportMaxNodes);
      const elements = await selectedSubgraph(app.graph, request.body.nodeIds, request.body.edgeIds);
      const file = await exportFile(elements, request.query.format, { table: request.query.table });
      return reply.type(file.contentType).header("Content-Disposition", attachment(file.filename)).send(file.body);
    },
  );
};

/** Large exports are for token holders: an anonymous crowd cannot hold the process with 20k-node files. */
function assertExportSizeAllowed(principal: Principal | null, nodes: number, anonymousMax: number) {
  if (principal || nodes <= anonymousMax) return;
  throw new HttpError(
    413,
    `body.nodeIds: exports without a token are limited to ${anonymousMax} nodes (${nodes} asked); ` +
      `use a viewer token for larger ones / 无令牌导出最多 ${anonymousMax} 个节点`,
    [{ field: "body.nodeIds", message: `at most ${anonymousMax} nodes without a token` }],
  );
}
