import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, onSendHookHandler } from "fastify";
import fp from "fastify-plugin";
import { clip, summarizeWriteResponse } from "../auth/audit-summary.ts";
import { budgetMax, budgetOf, type HeavyWork, HeavyWorkSlots } from "../auth/budgets.ts";
import { redactUrl } from "../auth/redact.ts";
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
    /** Long-running work: its own rate budget (exports) and a place among the few that run at once. */
    heavy?: HeavyWork;
  }
  interface FastifyInstance {
    /** Every guarded route and what it needs, by "METHOD /url": the closed-by-default rule, inspectable. */
    routeAccess: ReadonlyMap<string, Access>;
    /** The security settings in force, for routes that apply a limit of their own (export size). */
    security: SecurityConfig;
  }
  interface FastifyRequest {
    /** The holder of the request's valid token; null without one. */
    principal: Principal | null;
    /** A route may say what its write changed; otherwise the audit log summarises its JSON answer. */
    auditSummary?: string;
    /** Set by a write route that changed nothing (a dry run): no audit entry. */
    wroteNothing?: boolean;
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

    app.addContentTypeParser("application/json", { parseAs: "string" }, parseJsonBody);
    app.decorate("security", security);
    app.decorateRequest("principal", null);
    app.decorateRequest("auditSummary", undefined);
    app.decorateRequest("wroteNothing", false);
    app.addHook("onRequest", async (request) => {
      request.principal = authenticate(security, request);
    });

    // Keyed by token holder, so one office behind a NAT does not share a budget with strangers,
    // and by budget, so sixty page reads never cost an editor the dry run of an import.
    // Counts live in this process: several instances need a shared store (see docs/security.md).
    const budget = (request: FastifyRequest) => budgetOf(request.method, request.routeOptions.config.heavy);
    await app.register(rateLimit, {
      global: true,
      timeWindow: 60_000,
      max: (request) => budgetMax(budget(request), security.rateLimit),
      keyGenerator: (request) => `${budget(request)}:${request.principal ? `token:${request.principal.name}` : `ip:${request.ip}`}`,
    });

    const routeAccess = new Map<string, Access>();
    app.decorate("routeAccess", routeAccess);
    const audit = auditHook(app);
    const slots = new HeavyWorkSlots(security.heavyWork.concurrent);
    // Route hooks run after the app-wide ones above and after the rate limiter's own route hook,
    // so an unknown client is counted before it is refused and the body is never parsed for it.
    app.addHook("onRoute", (route) => {
      const declared = route.config?.role;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const accesses = methods.map((method) => requiredAccess(method, route.url, declared));
      for (const [i, method] of methods.entries()) routeAccess.set(`${method} ${route.url}`, accesses[i] ?? "public");
      if (accesses.every((access) => access === "public")) return;
      route.onRequest = [...toArray(route.onRequest), authorize(security, route.url, declared)];
      // After the guard: a refused request never takes a slot.
      if (route.config?.heavy) {
        route.onRequest = [...route.onRequest, takeSlot(slots)];
        route.onResponse = [...toArray(route.onResponse), releaseSlot(slots)];
        route.onRequestAbort = [...toArray(route.onRequestAbort), releaseSlot(slots)];
      }
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
 * JSON bodies, with keys that could poison a prototype refused at any depth and named in the
 * answer (Fastify's own parser says only "Body is not valid JSON" for them). JSON.parse makes
 * `__proto__` an own property, harmless in itself, but code that merges the body could spread it.
 */
function parseJsonBody(_request: FastifyRequest, body: string | Buffer, done: (err: Error | null, value?: unknown) => void) {
  const text = typeof body === "string" ? body : body.toString("utf8");
  if (text.trim() === "") return done(new HttpError(400, "body: empty, but content-type is application/json"));
  try {
    done(null, JSON.parse(text, refusePrototypeKeys));
  } catch (error) {
    if (error instanceof HttpError) return done(error);
    // The parser's own message quotes the body back; the position is all a client needs.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    done(new HttpError(400, `body: not valid JSON${position ? ` (at character ${position})` : ""} / 不是有效的 JSON`));
  }
}

function refusePrototypeKeys(key: string, value: unknown): unknown {
  const poisoned =
    key === "__proto__" || (key === "constructor" && value !== null && typeof value === "object" && Object.hasOwn(value, "prototype"));
  if (poisoned) {
    throw new HttpError(400, `body: the key "${key}" is refused at any depth (it could alter object prototypes) / 不接受此键`, [
      { field: "body", message: `key "${key}" refused` },
    ]);
  }
  return value;
}

const HOLDS_SLOT = Symbol("holds a heavy-work slot");
const HEAVY_RETRY_AFTER_SECONDS = "10";

function takeSlot(slots: HeavyWorkSlots): onRequestHookHandler {
  return async (request, reply) => {
    if (!slots.tryTake()) {
      reply.header("Retry-After", HEAVY_RETRY_AFTER_SECONDS);
      throw new HttpError(
        429,
        `the server is busy with ${slots.capacity} exports or imports; try again in ${HEAVY_RETRY_AFTER_SECONDS} s / 服务器正忙，请稍后重试`,
      );
    }
    (request as unknown as Record<symbol, boolean>)[HOLDS_SLOT] = true;
  };
}

/** Runs on the answer sent and on the client gone; the flag makes sure a slot is given back once. */
function releaseSlot(slots: HeavyWorkSlots) {
  return async (request: FastifyRequest) => {
    const holder = request as unknown as Record<symbol, boolean>;
    if (!holder[HOLDS_SLOT]) return;
    holder[HOLDS_SLOT] = false;
    slots.release();
  };
}

/**
 * Records each successful write before its answer leaves. Should the log itself fail (Neo4j
 * gone between the write and this), the write stands and the failure goes to the server log.
 */
function auditHook(app: FastifyInstance): onSendHookHandler {
  return async (request, reply, payload) => {
    if (reply.statusCode >= 400 || !request.principal || request.wroteNothing) return payload;
    if (!isAudited(request.method, request.routeOptions.config.role ?? "editor")) return payload;
    try {
      await appendAuditEntry(app.graph, {
        actor: request.principal.name,
        role: request.principal.role,
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        url: clip(redactUrl(request.url), 500),
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
