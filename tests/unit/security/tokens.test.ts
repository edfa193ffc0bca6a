import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { requiredAccess, roleAllows } from "../../../server/auth/roles.ts";
import { securityFromEnv } from "../../../server/auth/security-config.ts";
import { bearerToken, findPrincipal, hashToken, newToken, parseTokenList, readTokenFile } from "../../../server/auth/tokens.ts";
import { buildConfig, ConfigError, parseEnv } from "../../../server/config.ts";

const connection = { uri: "bolt://127.0.0.1:1", user: "neo4j", password: "x", database: "neo4j" };

describe("API tokens", () => {
  it("finds the holder of a configured token and nobody for any other string", () => {
    const alice = newToken();
    const ops = newToken();
    const tokens = parseTokenList(`alice:editor:${hashToken(alice).toString("hex")}, ops:admin:${hashToken(ops).toString("hex")}`);
    expect(findPrincipal(tokens, alice)).toEqual({ name: "alice", role: "editor" });
    expect(findPrincipal(tokens, ops)).toEqual({ name: "ops", role: "admin" });
    expect(findPrincipal(tokens, `${alice}x`)).toBeNull();
    expect(findPrincipal(tokens, "")).toBeNull();
    // The stored form is the hash: presenting the hash itself must not work.
    expect(findPrincipal(tokens, hashToken(alice).toString("hex"))).toBeNull();
  });

  it("makes tokens long and random", () => {
    const a = newToken();
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(newToken()).not.toBe(a);
  });

  it("refuses malformed entries, naming the entry but never echoing a hash", () => {
    const hash = hashToken("t").toString("hex");
    expect(() => parseTokenList(`alice:owner:${hash}`)).toThrow(/entry 1 \(alice\)/);
    expect(() => parseTokenList("alice:editor:abc")).toThrow(/64 hex/);
    expect(() => parseTokenList(`al ice:editor:${hash}`)).toThrow(/name/);
    expect(() => parseTokenList(`alice:editor:${hash}:extra`)).toThrow(/name:role:sha256hex/);
    try {
      parseTokenList(`alice:editor:${hash.slice(1)}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(hash.slice(1));
    }
  });

  it("reads a JSON token file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sec-tokens-"));
    const file = path.join(dir, "tokens.json");
    writeFileSync(file, JSON.stringify([{ name: "viewer1", role: "viewer", sha256: hashToken("v").toString("hex") }]));
    expect(findPrincipal(readTokenFile(file), "v")).toEqual({ name: "viewer1", role: "viewer" });
    writeFileSync(file, JSON.stringify([{ name: "x", role: "root", sha256: "00" }]));
    expect(() => readTokenFile(file)).toThrow(/tokens\.json at 0\.role/);
  });

  it("takes only well-formed Bearer headers", () => {
    expect(bearerToken("Bearer abc")).toBe("abc");
    expect(bearerToken("bearer abc ")).toBe("abc");
    expect(bearerToken("Basic YWxhZGRpbjpvcGVu")).toBeNull();
    expect(bearerToken("Bearer ")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(`Bearer ${"a".repeat(600)}`)).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe("roles and the closed-by-default rule", () => {
  it("orders roles viewer < editor < admin", () => {
    expect(roleAllows("admin", "editor")).toBe(true);
    expect(roleAllows("editor", "editor")).toBe(true);
    expect(roleAllows("viewer", "editor")).toBe(false);
    expect(roleAllows("editor", "admin")).toBe(false);
  });

  it("closes every undeclared write and opens only what a route declares", () => {
    expect(requiredAccess("GET", "/api/chains", undefined)).toBe("viewer");
    expect(requiredAccess("POST", "/api/imports", undefined)).toBe("editor");
    expect(requiredAccess("PUT", "/api/nodes/:id", undefined)).toBe("editor");
    expect(requiredAccess("PATCH", "/api/nodes/:id", undefined)).toBe("editor");
    expect(requiredAccess("DELETE", "/api/nodes/:id", undefined)).toBe("admin");
    expect(requiredAccess("POST", "/api/export", "viewer")).toBe("viewer");
    expect(requiredAccess("GET", "/api/health", undefined)).toBe("public");
    expect(requiredAccess("GET", "/api/ready", undefined)).toBe("public");
    expect(requiredAccess("GET", "/docs/static/index.html", undefined)).toBe("public");
  });
});

describe("security settings from the environment", () => {
  it("defaults to open reads, no tokens (so no writes), same-origin only", () => {
    const security = buildConfig(parseEnv({}), connection).security;
    expect(security).toMatchObject({
      tokens: [],
      readsOpen: true,
      corsOrigins: [],
      rateLimit: { readsPerMinute: 600, writesPerMinute: 60, exportsPerMinute: 20 },
      heavyWork: { concurrent: 2, anonymousExportMaxNodes: 2_000 },
    });
  });

  it("parses tokens, closed reads, CORS origins and rate limits", () => {
    const env = parseEnv({
      AUTH_TOKENS: `a:viewer:${hashToken("a").toString("hex")}`,
      READS_OPEN: "false",
      CORS_ORIGINS: "https://atlas.example.gov.cn, http://localhost:5173",
      RATE_LIMIT_READS_PER_MINUTE: "100",
      RATE_LIMIT_WRITES_PER_MINUTE: "5",
      RATE_LIMIT_EXPORTS_PER_MINUTE: "3",
      HEAVY_WORK_CONCURRENCY: "4",
      ANONYMOUS_EXPORT_MAX_NODES: "500",
    });
    const security = securityFromEnv(env);
    expect(security.readsOpen).toBe(false);
    expect(security.tokens.map((t) => t.name)).toEqual(["a"]);
    expect(security.corsOrigins).toEqual(["https://atlas.example.gov.cn", "http://localhost:5173"]);
    expect(security.rateLimit).toEqual({ readsPerMinute: 100, writesPerMinute: 5, exportsPerMinute: 3 });
    expect(security.heavyWork).toEqual({ concurrent: 4, anonymousExportMaxNodes: 500 });
  });

  it("stops with a readable message on bad security settings", () => {
    expect(() => parseEnv({ CORS_ORIGINS: "*" })).toThrow(/^CORS_ORIGINS/);
    expect(() => parseEnv({ HEAVY_WORK_CONCURRENCY: "0" })).toThrow(/^HEAVY_WORK_CONCURRENCY/);
    expect(() => parseEnv({ ANONYMOUS_EXPORT_MAX_NODES: "20001" })).toThrow(/^ANONYMOUS_EXPORT_MAX_NODES/);
    expect(() => buildConfig(parseEnv({ AUTH_TOKENS: "a:god:00" }), connection)).toThrow(ConfigError);
    const h = hashToken("x").toString("hex");
    expect(() => buildConfig(parseEnv({ AUTH_TOKENS: `a:viewer:${h},a:admin:${h}` }), connection)).toThrow(/used twice/);
  });
});
