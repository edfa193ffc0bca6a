import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { fieldErrorText, REQUIRED } from "../../model/api/common.ts";
import { isConstraintViolation, isNeo4jOverloaded, isNeo4jUnavailable } from "../db/errors.ts";
import { fieldPath } from "../lib/field-path.ts";
import { InvalidInputError } from "../lib/invalid-input.ts";
import { NotFoundError } from "../lib/not-found.ts";

/** An error whose message is safe to show to the client, with the status it maps to. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly fields?: { field: string; message: string }[],
  ) {
    super(message);
  }
}
export const badRequest = (field: string, message: string) => new HttpError(400, fieldErrorText({ field, message }), [{ field, message }]);

const RETRY_AFTER_SECONDS = "5";

/**
 * Errors the router raises before any route or hook runs (a URL that cannot be decoded, a path
 * parameter over `maxParamLength`): the same JSON shape as every other error, without echoing
 * the offending URL back (it may be 100 000 characters).
 */
export const frameworkErrors: NonNullable<FastifyServerOptions["frameworkErrors"]> = (error, _request, reply) => {
  const status = error.statusCode ?? 400;
  const message =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "a path parameter is too long (at most 1000 characters)"
      : "the URL is not valid (a malformed %-escape?)";
  // The option's reply type is generic over route schemas that do not exist yet at this point.
  (reply as unknown as FastifyReply).code(status).send({ statusCode: status, error: statusText(status), message });
};

/**
 * The one error handler: clients get a status and a plain message naming what was wrong;
 * stack traces and driver details go to the log only.
 */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const fields = validationFields(error, request);
        return reply.code(400).send({ statusCode: 400, error: "Bad Request", message: fields.map(fieldErrorText).join("; "), fields });
      }
      if ((error as Error) instanceof NotFoundError) {
        return reply.code(404).send({ statusCode: 404, error: statusText(404), message: error.message });
      }
      if ((error as Error) instanceof InvalidInputError) {
        const { field, reason } = error as unknown as InvalidInputError;
        return reply
          .code(400)
          .send({ statusCode: 400, error: statusText(400), message: error.message, fields: [{ field, message: reason }] });
      }
      if (error instanceof HttpError) {
        return reply.code(error.statusCode).send({
          statusCode: error.statusCode,
          error: statusText(error.statusCode),
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        });
      }
      if (isNeo4jUnavailable(error)) {
        request.log.warn({ err: error }, "neo4j unavailable");
        return reply.code(503).header("Retry-After", RETRY_AFTER_SECONDS).send({
          statusCode: 503,
          error: "Service Unavailable",
          message: "The graph database is not reachable right now; try again shortly.",
        });
      }
      if (isNeo4jOverloaded(error)) {
        request.log.warn({ err: error }, "query cut by the database");
        return reply.code(503).header("Retry-After", RETRY_AFTER_SECONDS).send({
          statusCode: 503,
          error: "Service Unavailable",
          message: "The query took too long or needed too much memory and was stopped; narrow it and try again.",
        });
      }
      if (isConstraintViolation(error)) {
        return reply.code(409).send({ statusCode: 409, error: "Conflict", message: "That record already exists." });
      }
      // Fastify's own client errors (bad JSON, body too large, unsupported media type) carry a 4xx.
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return reply.code(status).send({ statusCode: status, error: statusText(status), message: error.message });
      }
      request.log.error({ err: error }, "unhandled error");
      return reply
        .code(500)
        .send({ statusCode: 500, error: "Internal Server Error", message: "Something went wrong on our side; it has been logged." });
    });

    const knownPaths = new KnownPaths();
    app.addHook("onRoute", (route) => knownPaths.add(route.url, route.method));

    // A known path asked with a method it does not take is 405 with the methods it does (Allow),
    // so a client learns what it got wrong; only an unknown path is 404.
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split("?")[0] ?? "";
      const allowed = knownPaths.methodsFor(path);
      if (allowed.length > 0) {
        return reply
          .code(405)
          .header("Allow", allowed.join(", "))
          .send({
            statusCode: 405,
            error: "Method Not Allowed",
            message: `${request.method} is not allowed on ${path}; use ${allowed.join(", ")}`,
          });
      }
      return reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no route for ${request.method} ${path}` });
    });
  },
  { name: "errors" },
);

/** Every registered path pattern (/api/nodes/:id) and its methods; wildcard routes (the web shell) aside. */
class KnownPaths {
  private readonly patterns = new Map<string, { match: RegExp; methods: Set<string> }>();

  add(url: string, method: string | string[]) {
    if (url.includes("*")) return;
    const entry = this.patterns.get(url) ?? { match: patternOf(url), methods: new Set<string>() };
    for (const m of Array.isArray(method) ? method : [method]) entry.methods.add(m.toUpperCase());
    this.patterns.set(url, entry);
  }

  methodsFor(path: string): string[] {
    const methods = new Set<string>();
    for (const { match, methods: of } of this.patterns.values()) if (match.test(path)) for (const m of of) methods.add(m);
    return [...methods].sort();
  }
}

function patternOf(url: string): RegExp {
  const escaped = url
    .split("/")
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}/?$`);
}

type ValidationError = FastifyError & { validation: { keyword: string; instancePath: string; message?: string }[] };

/**
 * Zod's issues as fields spelled by `fieldPath` (`querystring.region`, `body.changes.3.to`). A value
 * that is simply absent gets "is required" rather than zod's "Invalid input: expected string,
 * received undefined" (or a union's "must be a … or …"), which reads as if the client had sent something.
 */
function validationFields(error: ValidationError, request: FastifyRequest): { field: string; message: string }[] {
  const context = error.validationContext ?? "request";
  const input = inputOf(request, context);
  return error.validation.map((issue) => {
    const path = issue.instancePath.split("/").filter(Boolean);
    const field = fieldPath(context, ...path);
    // Zod reports an absent value against its type or union; any issue at a path with nothing there is that.
    return { field, message: valueAt(input, path) === undefined ? REQUIRED : (issue.message ?? "invalid") };
  });
}

function inputOf(request: FastifyRequest, context: string): unknown {
  if (context === "querystring") return request.query;
  if (context === "body") return request.body;
  if (context === "params") return request.params;
  if (context === "headers") return request.headers;
  return undefined;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    413: "Payload Too Large",
    414: "URI Too Long",
    405: "Method Not Allowed",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
  };
  return texts[status] ?? "Error";
}
