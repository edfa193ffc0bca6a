import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** Vite puts content-hashed files under assets/: their name changes whenever their content does. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}(\.\w+)+$/;

/**
 * Hashed assets never change under the same name, so a browser may keep them for a year without
 * asking; everything else (index.html above all) is revalidated so a new build is seen at once.
 */
export function cacheControlFor(filePath: string): string {
  return HASHED_ASSET.test(filePath) ? "public, max-age=31536000, immutable" : "no-cache";
}

function setCachingHeaders(response: { setHeader(name: string, value: string): unknown }, filePath: string) {
  response.setHeader("cache-control", cacheControlFor(filePath));
  // The same URL answers brotli, gzip or plain by Accept-Encoding; shared caches must key on it.
  response.setHeader("vary", "accept-encoding");
}

/**
 * Serves the built front end (web/dist) when it exists; any non-API GET falls back to
 * index.html so a copied link with view state in its URL opens the app. Text files go out as the
 * `.br`/`.gz` copies the build wrote (web/precompress.ts) when the browser accepts them.
 */
export const webPlugin = fp(
  async (app: FastifyInstance, options: { distDir: string }) => {
    if (!existsSync(options.distDir)) {
      app.log.warn(`no built front end at ${options.distDir}; run npm run build:web`);
      return;
    }
    await app.register(fastifyStatic, {
      root: options.distDir,
      wildcard: false,
      index: ["index.html"],
      preCompressed: true,
      cacheControl: false,
      setHeaders: setCachingHeaders,
    });
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) {
        return reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no route for GET ${request.url.split("?")[0]}` });
      }
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
  },
  { name: "web" },
);
