import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditListSchema, auditQuerySchema } from "../../model/api/audit.ts";
import { errorResponses, errorSchema } from "../../model/api/common.ts";
import { listAuditEntries } from "../repositories/audit.ts";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/audit",
    {
      config: { role: "admin" },
      schema: {
        tags: ["security"],
        summary: "审计日志 Audit log: every successful write, newest first (admin)",
        querystring: auditQuerySchema,
        response: { 200: auditListSchema, ...errorResponses, 401: errorSchema, 403: errorSchema, 429: errorSchema },
      },
    },
    async (request) => ({ entries: await listAuditEntries(app.graph, request.query) }),
  );
};
