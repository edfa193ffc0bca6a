import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkReadiness } from "../repositories/health.ts";

const readySchema = z.object({ status: z.enum(["ready", "not ready"]), reason: z.string().optional() });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/health",
    { schema: { tags: ["health"], summary: "The process is alive", response: { 200: z.object({ status: z.literal("ok") }) } } },
    async () => ({ status: "ok" as const }),
  );

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
