import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import type { SecurityConfig } from "../../../server/auth/security-config.ts";
import { bearer, TEST_TOKENS, testSecurity } from "../../helpers/auth.ts";
import { testConfig, testGraph } from "../../helpers/graph.ts";
import { captureLog } from "../../helpers/log-capture.ts";

/**
 * The real app plus a few probe routes registered after it (as any future route would be), so
 * the rules are checked on routes that declare nothing as well as on the shipped ones.
 */
async function appWith(security: Partial<SecurityConfig> = {}, options: Parameters<typeof buildApp>[1] = {}) {
  const app = await buildApp({ ...testConfig(), security: testSecurity(security) }, options);
  app.get("/api/test-security/read", async () => ({ ok: true }));
  app.post("/api/test-security/write", async () => ({ created: { nodes: 3 }, batch: "b-1", ids: ["a", "b"] }));
  app.delete("/api/test-security/thing/:id", async () => ({ deleted: 1 }));
  app.post("/api/test-security/export-like", { config: { role: "viewer" } }, async () => ({ ok: true }));
  app.post("/api/test-security/fails", async (_request, reply) =>
    reply.code(400).send({ statusCode: 400, error: "Bad Request", message: "no" }),
  );
  app.post("/api/test-security/noted", async (request) => {
    request.auditSummary = "merged 2 firms";
    return { ok: true };
  });
  await app.ready();
  return app;
}

const graph = testGraph();
let app: App;
beforeAll(async () => {
  app = await appWith();
});
afterAll(async () => {
  await app.close();
  await graph.runRaw("MATCH (a:AuditEntry) WHERE a.route STARTS WITH '/api/test-security/' DETACH DELETE a");
  await graph.driver.close();
});

async function auditFor(route: string) {
  const res = await app.inject({ url: `/api/audit?limit=500`, headers: bearer("admin") });
  expect(res.statusCode).toBe(200);
  return (res.json().entries as { route: string; actor: string; summary: string; method: string; role: string }[]).filter(
    (e) => e.route === route,
  );
}

describe("who may do what", () => {
  it("leaves reads open by default and the probes always open", async () => {
    expect((await app.inject({ url: "/api/test-security/read" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/health" })).statusCode).toBe(200);
  });

  it("refuses a write without a token (401 with WWW-Authenticate), even on a route that declares nothing", async () => {
    const res = await app.inject({ method: "POST", url: "/api/test-security/write", payload: {} });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(res.json()).toMatchObject({ statusCode: 401, message: expect.stringMatching(/editor/) });
  });

  it("refuses a viewer's write (403) and takes an editor's", async () => {
    const asViewer = await app.inject({ method: "POST", url: "/api/test-security/write", payload: {}, headers: bearer("viewer") });
    expect(asViewer.statusCode).toBe(403);
    expect(asViewer.json().message).toMatch(/viewer.*editor/);
    const asEditor = await app.inject({ method: "POST", url: "/api/test-security/write", payload: {}, headers: bearer("editor") });
    expect(asEditor.statusCode).toBe(200);
  });

  it("keeps DELETE for admins", async () => {
    const url = "/api/test-security/thing/x";
    expect((await app.inject({ method: "DELETE", url, headers: bearer("editor") })).statusCode).toBe(403);
    expect((await app.inject({ method: "DELETE", url, headers: bearer("admin") })).statusCode).toBe(200);
  });

  it("refuses an invalid token outright, even where no token is needed", async () => {
    for (const authorization of [
      `Bearer ${TEST_TOKENS.admin}x`,
      "Bearer nope",
      "Basic YWRtaW46YWRtaW4=",
      `Bearer ${TEST_TOKENS.admin} extra`,
    ]) {
      const res = await app.inject({ url: "/api/test-security/read", headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers["www-authenticate"]).toMatch(/invalid_token/);
    }
  });

  it("lets a route that declares itself a read (export) through without a token", async () => {
    const res = await app.inject({ method: "POST", url: "/api/test-security/export-like", payload: {} });
    expect(res.statusCode).toBe(200);
  });

  it("keeps the audit log for admins", async () => {
    expect((await app.inject({ url: "/api/audit" })).statusCode).toBe(401);
    expect((await app.inject({ url: "/api/audit", headers: bearer("viewer") })).statusCode).toBe(403);
    expect((await app.inject({ url: "/api/audit", headers: bearer("editor") })).statusCode).toBe(403);
    expect((await app.inject({ url: "/api/audit", headers: bearer("admin") })).statusCode).toBe(200);
  });

  it("closes reads too when READS_OPEN=false, but not the probes", async () => {
    const closed = await appWith({ readsOpen: false });
    try {
      expect((await closed.inject({ url: "/api/test-security/read" })).statusCode).toBe(401);
      expect((await closed.inject({ url: "/api/test-security/read", headers: bearer("viewer") })).statusCode).toBe(200);
      expect((await closed.inject({ method: "POST", url: "/api/test-security/export-like", payload: {} })).statusCode).toBe(401);
      expect((await closed.inject({ url: "/api/health" })).statusCode).toBe(200);
      expect((await closed.inject({ url: "/api/ready" })).statusCode).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it("guards every write route of the real app: none is open without a token", async () => {
    const writes = [...app.routeAccess].filter(([key]) => !/^(GET|HEAD|OPTIONS) /.test(key) && !key.includes("/api/test-security/"));
    // Routes that are reads carried in a body; anything else that lowers a write to viewer fails here.
    const declaredReads = new Set(["POST /api/export"]);
    for (const [key, access] of writes) {
      if (declaredReads.has(key)) {
        expect(access, key).toBe("viewer");
        continue;
      }
      expect(["editor", "admin"], `${key} must need editor or admin, has ${access}`).toContain(access);
      const [method, url] = key.split(" ") as [string, string];
      const res = await app.inject({ method: method as "POST", url: url.replaceAll(/:(\w+)/g, "x"), payload: {} });
      expect(res.statusCode, `${key} without a token`).toBe(401);
    }
  });
});

describe("the audit log", () => {
  it("records a successful write: who, role, route and what changed", async () => {
    await app.inject({ method: "POST", url: "/api/test-security/write", payload: { a: 1 }, headers: bearer("editor") });
    const [entry] = await auditFor("/api/test-security/write");
    expect(entry).toMatchObject({ actor: "test-editor", role: "editor", method: "POST" });
    expect(JSON.parse(entry?.summary ?? "{}")).toEqual({ "created.nodes": 3, batch: "b-1", "ids.length": 2 });
  });

  it("takes the route's own summary when it gives one", async () => {
    await app.inject({ method: "POST", url: "/api/test-security/noted", payload: {}, headers: bearer("admin") });
    const [entry] = await auditFor("/api/test-security/noted");
    expect(entry).toMatchObject({ actor: "test-admin", summary: "merged 2 firms" });
  });

  it("records neither refused nor failed writes nor reads", async () => {
    await app.inject({ method: "POST", url: "/api/test-security/fails", payload: {}, headers: bearer("editor") });
    await app.inject({ method: "POST", url: "/api/test-security/export-like", payload: {}, headers: bearer("editor") });
    expect(await auditFor("/api/test-security/fails")).toEqual([]);
    expect(await auditFor("/api/test-security/export-like")).toEqual([]);
  });

  it("filters by actor and time and bounds the page", async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const res = await app.inject({ url: `/api/audit?actor=test-admin&since=${since}&limit=1`, headers: bearer("admin") });
    expect(res.statusCode).toBe(200);
    expect(res.json().entries).toHaveLength(1);
    expect(res.json().entries[0].actor).toBe("test-admin");
    const bad = await app.inject({ url: "/api/audit?limit=100000", headers: bearer("admin") });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/limit/);
  });
});

describe("hardening", () => {
  it("sends security headers with a strict CSP", async () => {
    const res = await app.inject({ url: "/api/health" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(res.headers["x-powered-by"]).toBeUndefined();
    // Only the API docs page gets inline styles (Swagger UI needs them).
    const docs = String((await app.inject({ url: "/docs" })).headers["content-security-policy"]);
    expect(docs).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(docs).toContain("script-src 'self'");
    expect(docs).not.toMatch(/unsafe-eval/);
  });

  it("answers CORS only for allowed origins", async () => {
    const withCors = await appWith({ corsOrigins: ["https://atlas.example.gov.cn"] });
    try {
      const allowed = await withCors.inject({ url: "/api/health", headers: { origin: "https://atlas.example.gov.cn" } });
      expect(allowed.headers["access-control-allow-origin"]).toBe("https://atlas.example.gov.cn");
      const other = await withCors.inject({ url: "/api/health", headers: { origin: "https://evil.example.com" } });
      expect(other.headers["access-control-allow-origin"]).toBeUndefined();
      const preflight = await withCors.inject({
        method: "OPTIONS",
        url: "/api/test-security/write",
        headers: { origin: "https://atlas.example.gov.cn", "access-control-request-method": "POST" },
      });
      expect(preflight.statusCode).toBe(204);
      expect(String(preflight.headers["access-control-allow-headers"])).toMatch(/Authorization/);
    } finally {
      await withCors.close();
    }
    const sameOriginOnly = await app.inject({ url: "/api/health", headers: { origin: "https://evil.example.com" } });
    expect(sameOriginOnly.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("answers too many requests with 429, Retry-After and a JSON message", async () => {
    const limited = await appWith({ rateLimit: { readsPerMinute: 3, writesPerMinute: 1, exportsPerMinute: 1 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.inject({ url: "/api/test-security/read" })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const res = await limited.inject({ url: "/api/test-security/read" });
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      expect(res.json()).toMatchObject({ statusCode: 429, message: expect.stringMatching(/rate limit/i) });
      // Budgets are per token: another holder is not slowed by the first.
      expect((await limited.inject({ url: "/api/test-security/read", headers: bearer("viewer") })).statusCode).toBe(200);
      const w = () => limited.inject({ method: "POST", url: "/api/test-security/write", payload: {}, headers: bearer("editor") });
      expect([(await w()).statusCode, (await w()).statusCode]).toEqual([200, 429]);
    } finally {
      await limited.close();
    }
  });

  it("refuses prototype poisoning in a body with 400", async () => {
    for (const payload of ['{"__proto__": {"isAdmin": true}}', '{"a": {"constructor": {"prototype": {"isAdmin": true}}}}']) {
      const res = await app.inject({
        method: "POST",
        url: "/api/test-security/write",
        payload,
        headers: { ...bearer("editor"), "content-type": "application/json" },
      });
      expect(res.statusCode, payload).toBe(400);
      expect(typeof res.json().message).toBe("string");
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("refuses a body over the limit with 413 and a JSON message", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/test-security/write",
      payload: `{"x":"${"a".repeat(11 * 1024 * 1024)}"}`,
      headers: { ...bearer("editor"), "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(413);
    expect(typeof res.json().message).toBe("string");
  });

  it("never writes tokens or the Neo4j password to the log", async () => {
    const { stream, text } = captureLog();
    const config = testConfig();
    const password = `pw-${TEST_TOKENS.viewer}`;
    const offline = await buildApp(
      { ...config, neo4j: { ...config.neo4j, uri: "bolt://127.0.0.1:1", password }, security: testSecurity() },
      { logger: { level: "trace", stream } },
    );
    try {
      await offline.ready();
      for (const role of ["viewer", "editor", "admin"] as const) {
        await offline.inject({ url: "/api/audit", headers: bearer(role) });
        await offline.inject({ url: `/api/audit?limit=x`, headers: { authorization: `Bearer ${TEST_TOKENS[role]}-wrong` } });
      }
      const down = await offline.inject({ url: "/api/audit", headers: bearer("admin") });
      expect(down.statusCode).toBe(503);
    } finally {
      await offline.close();
    }
    const log = text();
    expect(log).toMatch(/neo4j unavailable/);
    for (const token of Object.values(TEST_TOKENS)) expect(log).not.toContain(token);
    expect(log).not.toContain(password);
    expect(log.toLowerCase()).not.toContain("authorization");
  });
});
