import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isConstraintViolation, isNeo4jOverloaded, isNeo4jUnavailable } from "../db/errors.ts";

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
export const notFound = (what: string) => new HttpError(404, `${what} not found`);
export const badRequest = (field: string, message: string) => new HttpError(400, `${field}: ${message}`, [{ field, message }]);

const RETRY_AFTER_SECONDS = "5";

/**
 * The one error handler: clients get a status and a plain message naming what was wrong;
 * stack traces and driver details go to the log only.
 */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const fields = error.validation.map((issue) => ({
          field: `${error.validationContext ?? "request"}${issue.instancePath.replaceAll("/", ".")}`,
          message: issue.message ?? "invalid",
        }));
        return reply.code(400).send({
          statusCode: 400,
          error: "Bad Request",
          message: fields.map((f) => `${f.field}: ${f.message}`).join("; "),
          fields,
        });
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

    app.setNotFoundHandler((request, reply) =>
      reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no route for ${request.method} ${request.url.split("?")[0]}` }),
    );
  },
  { name: "errors" },
);

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    413: "Payload Too Large",
    415: "Unsupported Media Type",
    429: "Too Many Requests",
  };
  return texts[status] ?? "Error";
}
