import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance, FastifySchema, RouteOptions } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { errorSchema } from "../../model/api/common.ts";
import type { Access } from "../auth/roles.ts";

const error = (description: string) => errorSchema.meta({ description });

/**
 * The answers every route may give besides its own, by what makes them possible. Added to each
 * route's schema here, in one place, so /openapi.json lists every status the app really sends
 * (tests/integration/security/openapi-conformance.test.ts replays the document to prove it).
 */
const ANSWERS = {
  everyRoute: {
    400: error("A parameter is invalid; `fields` names each one"),
    429: error("This client's rate budget (reads, writes or exports) is spent, or heavy work is busy; see Retry-After"),
  },
  guarded: { 401: error("No token where one is needed, or a token that is not valid (WWW-Authenticate)") },
  privileged: { 403: error("The token's role is not enough for this route") },
  // Imports and reverts write under one lock (server/repositories/import-lock.ts): the second waits for nobody.
  underImportLock: { 409: error("Another import or revert is being written (the import lock); try again when it has finished") },
  withPathParameters: { 414: error("A path parameter is longer than 1000 characters") },
  withBody: {
    413: error("The body, an upload or an anonymous export is over its limit; the message names it"),
    415: error("The body's content type is not one this route reads"),
  },
} as const;

/** Sent by Node's HTTP server before the app sees the request, without a body: documented only. */
const HEADERS_TOO_LARGE = { description: "Request headers too large (answered by the HTTP server, no body)", type: "null" };

/** Uploads are read from the stream by the route, not validated as a body: documented only. */
const UPLOAD_BODY = {
  type: "object",
  properties: { file: { type: "array", items: { type: "string", format: "binary" }, description: "One or more .csv / .xlsx files" } },
  required: ["file"],
};

const transform: typeof jsonSchemaTransform = (input) => {
  const output = jsonSchemaTransform(input);
  const schema = output.schema as { response?: Record<string, unknown>; consumes?: string[]; body?: unknown };
  if (schema.response) schema.response = { ...schema.response, 431: HEADERS_TOO_LARGE };
  if (schema.consumes?.includes("multipart/form-data") && !schema.body) schema.body = UPLOAD_BODY;
  return output;
};

const REF = /"#\/components\/schemas\/([^"]+)"/g;
const refsIn = (value: unknown) => [...JSON.stringify(value).matchAll(REF)].map((match) => match[1]!);

/**
 * The shared schemas of model/api/ (each registered with an id) as components the routes `$ref`.
 * The provider emits an input twin (`…Input`) of every one; only components something refers to
 * stay. `$id` and `$schema` are dropped: a component is not a document of its own.
 */
const transformObject: typeof jsonSchemaTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input);
  type Components = { schemas?: Record<string, Record<string, unknown>> };
  const { schemas = {}, ...otherComponents } = ("components" in document ? document.components : {}) as Components;
  const components = Object.fromEntries(Object.entries(schemas).map(([name, { $id: _id, $schema: _schema, ...schema }]) => [name, schema]));
  const used = new Set(refsIn({ ...document, components: otherComponents }));
  for (const name of used) for (const ref of refsIn(components[name] ?? {})) used.add(ref);
  const kept = Object.fromEntries(Object.entries(components).filter(([name]) => used.has(name)));
  return { ...document, components: { ...otherComponents, schemas: kept } } as typeof document;
};

type SecurityRequirement = Record<string, string[]>[];

/** What a route's access means for a client, as OpenAPI security requirements. */
export function securityFor(access: Access, readsOpen: boolean): SecurityRequirement {
  if (access === "public") return [];
  // Open reads take no token, but one that is sent must be valid: optional bearer.
  if (access === "viewer" && readsOpen) return [{}, { bearer: [] }];
  return [{ bearer: [] }];
}

function withAnswers(route: RouteOptions, access: Access, readsOpen: boolean): FastifySchema {
  const schema = route.schema as FastifySchema & { response?: Record<string, unknown>; security?: SecurityRequirement };
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const takesBody = methods.some((method) => !["GET", "HEAD", "DELETE", "OPTIONS"].includes(method));
  return {
    ...schema,
    security: securityFor(access, readsOpen),
    response: {
      ...ANSWERS.everyRoute,
      ...(access === "public" ? {} : ANSWERS.guarded),
      ...(access === "editor" || access === "admin" ? ANSWERS.privileged : {}),
      ...(takesBody ? ANSWERS.withBody : {}),
      ...(route.config?.heavy === "import" ? ANSWERS.underImportLock : {}),
      ...(route.url.includes(":") ? ANSWERS.withPathParameters : {}),
      ...schema.response,
    },
  };
}

/** The OpenAPI document at /openapi.json, built from the routes' zod schemas, and docs at /docs. */
export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    // Runs after the security plugin's own onRoute hook (which decides each route's access) and
    // before swagger's, so the document sees the completed schema.
    app.addHook("onRoute", (route) => {
      if (!route.schema || (route.schema as { hide?: boolean }).hide) return;
      const method = Array.isArray(route.method) ? route.method[0] : route.method;
      const access = app.routeAccess.get(`${method} ${route.url}`) ?? "public";
      route.schema = withAnswers(route, access, app.security.readsOpen);
    });

    await app.register(swagger, {
      openapi: {
        // 3.1: schemas are plain JSON Schema (2020-12), so any validator checks answers against them.
        openapi: "3.1.0",
        info: {
          title: "Chain Atlas API",
          description: "产业链图谱 — chain gaps, chain-leader walks, recruitment targets and subgraph export over Neo4j.",
          version: "0.1.0",
        },
        components: {
          securitySchemes: {
            bearer: {
              type: "http",
              scheme: "bearer",
              description: "A token from AUTH_TOKENS (viewer, editor or admin); each operation says whether it needs one.",
            },
          },
        },
      },
      transform,
      transformObject,
    });
    await app.register(swaggerUi, { routePrefix: "/docs" });
    app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  },
  { name: "openapi", dependencies: ["security"] },
);
