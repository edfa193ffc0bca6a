import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * Serves the built front end (web/dist) when it exists; any non-API GET falls back to
 * index.html so a copied link with view state in its URL opens the app.
 */
export const webPlugin = fp(
  async (app: FastifyInstance, options: { distDir: string }) => {
    if (!existsSync(options.distDir)) {
      app.log.warn(`no built front end at ${options.distDir}; run npm run build:web`);
      return;
    }
    await app.register(fastifyStatic, { root: options.distDir, wildcard: false, index: ["index.html"] });
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) {
        return reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no route for GET ${request.url.split("?")[0]}` });
      }
      return reply.sendFile("index.html");
    });
  },
  { name: "web" },
);
