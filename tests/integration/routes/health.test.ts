import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import { testApp, testConfig } from "../../helpers/graph.ts";

let app: App;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

describe("health and readiness", () => {
  it("GET /api/health answers while the process lives", async () => {
    const res = await app.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("GET /api/ready is 200 when Neo4j answers and the schema is applied", async () => {
    const res = await app.inject({ url: "/api/ready" });
    expect(res.json()).toEqual({ status: "ready" });
    expect(res.statusCode).toBe(200);
  });

  it("GET /api/ready is 503 with the reason when Neo4j cannot be reached", async () => {
    const config = testConfig();
    const { buildApp } = await import("../../../server/app.ts");
    const offline = await buildApp({ ...config, neo4j: { ...config.neo4j, uri: "bolt://127.0.0.1:1" } });
    try {
      const res = await offline.inject({ url: "/api/ready" });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBeDefined();
      expect(res.json().reason).toMatch(/Neo4j is not reachable/);
    } finally {
      await offline.close();
    }
  });

  it("serves the OpenAPI document with the health routes", async () => {
    const res = await app.inject({ url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(["/api/health", "/api/ready"]));
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const res = await app.inject({ url: "/api/no-such-thing" });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/no route/);
  });
});
