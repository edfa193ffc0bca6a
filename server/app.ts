import Fastify, { type FastifyServerOptions } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { redactingSerializers } from "./auth/redact.ts";
import type { Config } from "./config.ts";
import { errorsPlugin, frameworkErrors } from "./plugins/errors.ts";
import { neo4jPlugin } from "./plugins/neo4j.ts";
import { openapiPlugin } from "./plugins/openapi.ts";
import { securityPlugin } from "./plugins/security.ts";
import { compiledSerializerCompiler } from "./plugins/serializer.ts";
import { webPlugin } from "./plugins/web.ts";
import { analysisRoutes } from "./routes/analysis.ts";
import { auditRoutes } from "./routes/audit.ts";
import { boundaryRoutes } from "./routes/boundaries.ts";
import { chainRoutes } from "./routes/chains.ts";
import { documentRoutes } from "./routes/documents.ts";
import { exportRoutes } from "./routes/export.ts";
import { healthRoutes } from "./routes/health.ts";
import { importRoutes } from "./routes/imports.ts";
import { nodeRoutes } from "./routes/nodes.ts";
import { packRoutes } from "./routes/pack.ts";
import { pathRoutes } from "./routes/paths.ts";
import { regionRoutes } from "./routes/regions.ts";
import { resilienceRoutes } from "./routes/resilience.ts";
import { scenarioRoutes } from "./routes/scenarios.ts";
import { searchRoutes } from "./routes/search.ts";

/**
 * Builds the app without listening, so tests drive it through `app.inject`. The whole wiring
 * is this one list: infrastructure plugins first, then one route plugin per resource.
 */
export async function buildApp(config: Config, options: FastifyServerOptions = {}) {
  const app = Fastify({
    bodyLimit: 10 * 1024 * 1024,
    requestTimeout: 60_000,
    // Fastify's default (100) turns a long id into "no such route" (404); with room for it, the
    // id's own schema answers 400 naming its length limit. JSON bodies and their prototype keys
    // are the security plugin's parser's.
    routerOptions: { maxParamLength: 1_000 },
    frameworkErrors,
    ...options,
    // Whoever passes logger options gets the URL serializer that masks tokens in query strings.
    logger: typeof options.logger === "object" ? { serializers: redactingSerializers, ...options.logger } : (options.logger ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler);

  await app.register(errorsPlugin);
  await app.register(neo4jPlugin, config);
  await app.register(securityPlugin, config);
  await app.register(openapiPlugin);

  await app.register(healthRoutes);
  await app.register(searchRoutes);
  await app.register(nodeRoutes);
  await app.register(pathRoutes);
  await app.register(regionRoutes);
  await app.register(chainRoutes);
  await app.register(documentRoutes);
  await app.register(exportRoutes);
  await app.register(analysisRoutes);
  await app.register(packRoutes, { cjkFontFile: config.cjkFontFile });
  await app.register(boundaryRoutes);
  await app.register(auditRoutes);
  await app.register(scenarioRoutes);
  await app.register(resilienceRoutes);
  await app.register(importRoutes, { limits: config.importLimits });

  await app.register(webPlugin, { distDir: config.webDistDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
