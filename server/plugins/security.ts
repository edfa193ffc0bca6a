import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, onSendHookHandler } from "fastify";
import fp from "fastify-plugin";
import { clip, summarizeWriteResponse } from "../auth/audit-summary.ts";
import { type Access, isReadMethod, requiredAccess, roleAllows } from "../auth/roles.ts";
import { DEFAULT_SECURITY, type SecurityConfig } from "../auth/security-config.ts";
import { bearerToken, findPrincipal, type Principal } from "../auth/tokens.ts";
import type { Config } from "../config.ts";
import { appendAuditEntry } from "../repositories/audit.ts";
import { HttpError } from "./errors.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the route needs; undeclared means viewer for reads, editor for writes, admin for DELETE. */
    role?: Access;
  }
  interface FastifyInstance {
    /** Every guarded route and what it needs, by "METHOD /url": the closed-by-default rule, inspectable. */
    routeAccess: ReadonlyMap<string, Access>;
  }
  interface FastifyRequest {
    /** The holder of the request's valid token; null without one. */
    principal: Principal | null;
    /** A route may say what its write changed; otherwise the audit log summarises its JSON answer. */
    auditSummary?: string;
  }
}

/**
 * The app's own access control and hardening, since Neo4j Community has none to offer:
 * security headers with a CSP the web app satisfies, a CORS allow-list, rate limits per token
 * or client address, bearer tokens with roles on every route (closed by default for writes),
 * and an audit entry for every successful write. Register before the route plugins: it guards
 * the routes registered after it.
 */
export const securityPlugin = fp(
  async (app: FastifyInstance, config: Config) => {
    const security = config.security ?? DEFAULT_SECURITY;

    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "base-uri": ["'self'"],
          "script-src": ["'self'"],
          // Cytoscape adds one <style> rule to position its container; that exact text is allowed
          // by hash. Swagger UI at /docs styles itself inline, so /docs alone gets 'unsafe-inline'
          // (and no hash there: a hash in the list makes browsers ignore 'unsafe-inline').
          "style-src": ["'self'", (req) => (isDocs(req.url) ? "'unsafe-inline'" : CYTOSCAPE_CONTAINER_STYLE)],
          // PNG export and Cytoscape's snapshots are blob:/data: images; the graph itself is canvas.
          "img-src": ["'self'", "data:", "blob:"],
          "font-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "worker-src": ["'self'", "blob:"],
          "object-src": ["'none'"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'self'"],
        },
      },
      // Plain http on a LAN is a supported set-up; HSTS would lock browsers out of it.
      strictTransportSecurity: false,
    });

    await app.register(cors, {
      origin: security.corsOrigins.length > 0 ? security.corsOrigins : false,
      methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
      allowedHeaders: ["Authorization", "Content-Type"],
      exposedHeaders: ["Content-Disposition", "Retry-After"],
      maxAge: 600,
    });

    app.decorateRequest("principal", null);
    app.decorateRequest("auditSummary", undefined);
    app.addHook("onRequest", async (request) => {
      request.principal = authenticate(security, request);
    });

    // Keyed by token holder, so one office behind a NAT does not share a budget with strangers.
    // Counts live in this process: several instances need a shared store (see docs/security.md).
    await app.register(rateLimit, {
      global: true,
      timeWindow: 60_000,
      max: (request) => (isReadMethod(request.method) ? security.rateLimit.readsPerMinute : security.rateLimit.writesPerMinute),
      keyGenerator: (request) => (request.principal ? `token:${request.principal.name}` : `ip:${request.ip}`),
    });

    const routeAccess = new Map<string, Access>();
    app.decorate("routeAccess", routeAccess);
    const audit = auditHook(app);
    // Route hooks run after the app-wide ones above and after the rate limiter's own route hook,
    // so an unknown client is counted before it is refused and the body is never parsed for it.
    app.addHook("onRoute", (route) => {
      const declared = route.config?.role;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const accesses = methods.map((method) => requiredAccess(method, route.url, declared));
      for (const [i, method] of methods.entries()) routeAccess.set(`${method} ${route.url}`, accesses[i] ?? "public");
      if (accesses.every((access) => access === "public")) return;
      route.onRequest = [...toArray(route.onRequest), authorize(security, route.url, declared)];
      if (methods.some((method, i) => isAudited(method, accesses[i]))) route.onSend = [...toArray(route.onSend), audit];
    });
  },
  { name: "security", dependencies: ["errors", "neo4j"] },
);

/** sha256 of `.__________cytoscape_container { position: relative; }`, the rule cytoscape.js injects. */
const CYTOSCAPE_CONTAINER_STYLE = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";

function isDocs(url: string | undefined): boolean {
  return url === "/docs" || Boolean(url?.startsWith("/docs/"));
}

function toArray<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}

const INVALID = Symbol("invalid token");

function authenticate(security: SecurityConfig, request: FastifyRequest): Principal | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const token = bearerToken(header);
  const principal = token === null ? null : findPrincipal(security.tokens, token);
  if (!principal) (request as unknown as Record<symbol, boolean>)[INVALID] = true;
  return principal;
}

/** Writes that change data: not reads, and not reads that travel in a body (export). */
function isAudited(method: string, access: Access | undefined): boolean {
  return !isReadMethod(method) && access !== "viewer" && access !== "public";
}

function authorize(security: SecurityConfig, url: string, declared: Access | undefined): onRequestHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const access = requiredAccess(request.method, url, declared);
    if (access === "public") return;
    const presentedInvalid = (request as unknown as Record<symbol, boolean>)[INVALID] === true;
    if (presentedInvalid) {
      reply.header("WWW-Authenticate", 'Bearer error="invalid_token"');
      throw new HttpError(401, "the bearer token is not valid / 令牌无效");
    }
    if (access === "viewer" && security.readsOpen) return;
    const principal = request.principal;
    if (!principal) {
      reply.header("WWW-Authenticate", "Bearer");
      throw new HttpError(401, `this needs a bearer token with the ${access} role / 需要${access}角色的令牌`);
    }
    if (!roleAllows(principal.role, access)) {
      throw new HttpError(403, `${principal.name} has the ${principal.role} role; this needs ${access} / 权限不足`);
    }
  };
}

/**
 * Records each successful write before its answer leaves. Should the log itself fail (Neo4j
 * gone between the write and this), the write stands and the failure goes to the server log.
 */
function auditHook(app: FastifyInstance): onSendHookHandler {
  return async (request, reply, payload) => {
    if (reply.statusCode >= 400 || !request.principal) return payload;
    if (!isAudited(request.method, request.routeOptions.config.role ?? "editor")) return payload;
    try {
      await appendAuditEntry(app.graph, {
        actor: request.principal.name,
        role: request.principal.role,
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        url: clip(request.url, 500),
        status: reply.statusCode,
        target: clip(JSON.stringify(request.params ?? {}), 500),
        summary: clip(request.auditSummary ?? summarizeWriteResponse(payload), 2_000),
        ip: request.ip,
      });
    } catch (error) {
      // Failing the answer now would invite the client to repeat a write that did happen.
      request.log.error({ err: error, route: request.routeOptions.url }, "audit entry could not be written");
    }
    return payload;
  };
}
