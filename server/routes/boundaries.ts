import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses, errorSchema } from "../../model/api/common.ts";
import {
  boundaryDeletedSchema,
  boundarySchema,
  boundaryStoredSchema,
  boundaryUploadSchema,
  regionParamsSchema,
} from "../../model/api/pack.ts";
import { BoundaryProblem } from "../geo/boundary-file.ts";
import { NotFoundError } from "../lib/not-found.ts";
import { HttpError } from "../plugins/errors.ts";
import { deleteBoundary, findBoundary } from "../repositories/boundaries.ts";
import { uploadBoundary } from "../services/boundaries.ts";

/**
 * The planner's own region boundaries for the 区域分布图 (Chain Atlas ships none: official maps
 * need an approval number, 审图号). Upload is admin-only; reading is for viewers.
 */
export const boundaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/regions/:id/boundary",
    {
      config: { role: "admin" },
      schema: {
        tags: ["regions"],
        summary: "Upload a region's boundary file (GeoJSON or TopoJSON, WGS-84 or GCJ-02) with its 审图号; replaces the previous one",
        params: regionParamsSchema,
        body: boundaryUploadSchema,
        response: { 200: boundaryStoredSchema, 413: errorSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const upload = { region: request.params.id, ...request.body, uploadedBy: request.principal?.name ?? "anonymous" };
      const bytes = Buffer.byteLength(JSON.stringify(request.body.data ?? null));
      return uploadBoundary(app.graph, upload, bytes).catch(boundaryToHttp);
    },
  );

  app.get(
    "/api/regions/:id/boundary",
    {
      schema: {
        tags: ["regions"],
        summary: "The boundary file drawn for a region (its own or its nearest ancestor's), in WGS-84",
        params: regionParamsSchema,
        response: { 200: boundarySchema, ...errorResponses },
      },
    },
    async (request) => {
      const boundary = await findBoundary(app.graph, request.params.id);
      if (!boundary) throw new NotFoundError(`boundary for region "${request.params.id}"`);
      return boundary;
    },
  );

  app.delete(
    "/api/regions/:id/boundary",
    {
      schema: {
        tags: ["regions"],
        summary: "Remove the boundary uploaded for a region (its maps fall back to the schematic)",
        params: regionParamsSchema,
        response: { 200: boundaryDeletedSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!(await deleteBoundary(app.graph, request.params.id))) throw new NotFoundError(`boundary for region "${request.params.id}"`);
      return { id: request.params.id, deleted: 1 };
    },
  );
};

function boundaryToHttp(error: unknown): never {
  if (error instanceof BoundaryProblem) throw new HttpError(error.status, error.message, [{ field: error.field, message: error.message }]);
  throw error;
}
