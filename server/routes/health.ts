import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { liveSchema, readySchema } from "../../model/api/health.ts";
import { checkReadiness } from "../repositories/health.ts";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/health", { schema: { tags: ["health"], summary: "The process is alive", response: { 200: liveSchema } } }, async () => ({
    status: "ok" as const,
  }));

  app.get(
    "/api/ready",
    {
      schema: {
        tags: ["health"],
        summary: "Neo4j is reachable and the schema is applied",
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(app.graph);
      if (readiness.ready) return { status: "ready" as const };
      return reply
        .code(503)
        .header("Retry-After", "5")
        .send({ status: "not ready" as const, reason: readiness.reason });
    },
  );
};
