import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import { firstAnswer } from "../../helpers/answered.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/**
 * Every 400 spells a field one way (where the value came from, then each key or index with dots)
 * and says a missing value is required in those words, whether zod or the domain refused it.
 */
const graph = testGraph();
let app: App;
const CHAIN = "chain:beauty-health";
const REGION = "region:lianzhou";

beforeAll(async () => {
  app = await testApp({ security: testSecurity() });
  const warm = await firstAnswer(app, { url: `/api/chains/${CHAIN}/gaps?region=${REGION}`, headers: bearer("viewer") });
  expect(warm.statusCode, warm.body).toBe(200);
});

afterAll(async () => {
  await graph.runRaw("MATCH (s:Scenario) WHERE s.name STARTS WITH 'it-error-messages' DELETE s");
  await app?.close();
  await graph.driver.close();
});

interface ErrorBody {
  message: string;
  fields: { field: string; message: string }[];
}

async function refused(
  request: { url: string; method?: "GET" | "POST"; payload?: unknown },
  role: "viewer" | "editor" | "admin" = "viewer",
) {
  const res = await app.inject({
    method: request.method ?? "GET",
    url: request.url,
    payload: request.payload as object,
    headers: bearer(role),
  });
  expect(res.statusCode, res.body).toBe(400);
  return res.json() as ErrorBody;
}

const scenario = (changes: unknown[]) => ({ name: "it-error-messages", chain: CHAIN, region: REGION, changes });

describe("4xx messages name fields one way", () => {
  it("a query parameter: querystring.<name>", async () => {
    const body = await refused({ url: `/api/chains/${CHAIN}/gaps?region=not-an-id` });
    expect(new Set(body.fields.map((f) => f.field))).toEqual(new Set(["querystring.region"]));
    expect(body.message).toMatch(/^querystring\.region: /);
  });

  it("a body field and a field nested in an array: body.<name>, body.changes.<index>.<name>", async () => {
    const top = await refused(
      { method: "POST", url: "/api/scenarios", payload: { ...scenario([{ kind: "remove-firm", firm: "firm:x" }]), chain: "x" } },
      "editor",
    );
    expect(new Set(top.fields.map((f) => f.field))).toEqual(new Set(["body.chain"]));
    const nested = await refused(
      {
        method: "POST",
        url: "/api/scenarios",
        payload: scenario([
          { kind: "remove-firm", firm: "firm:x" },
          { kind: "add-tie", from: "甲公司", to: "firm:x" },
        ]),
      },
      "editor",
    );
    expect(new Set(nested.fields.map((f) => f.field))).toEqual(new Set(["body.changes.1.from"]));
    expect(nested.message).toMatch(/^body\.changes\.1\.from: must be a firm id/);
  });

  it("a change the graph refuses (checked after zod, by the scenario overlay) is spelled the same way", async () => {
    const body = await refused(
      {
        method: "POST",
        url: "/api/scenarios",
        payload: scenario([{ kind: "add-tie", from: "firm:it-error-messages-nobody", to: "firm:it-error-messages-none" }]),
      },
      "editor",
    );
    expect(body.fields.map((f) => f.field)).toEqual(["body.changes.0.from"]);
    expect(body.message).toMatch(/^body\.changes\.0\.from: "firm:it-error-messages-nobody" is not a firm/);
    expect(body.message).not.toContain("[");
  });
});

describe("a missing required value says so, naming the field", () => {
  it("in the query", async () => {
    const body = await refused({ url: `/api/chains/${CHAIN}/gaps` });
    expect(body.fields).toEqual([{ field: "querystring.region", message: "is required" }]);
    expect(body.message).toBe("querystring.region is required");
  });

  it("in the body, at the top and inside an array, next to a value that is present but wrong", async () => {
    const body = await refused(
      { method: "POST", url: "/api/scenarios", payload: { chain: CHAIN, region: "bad", changes: [{ kind: "add-tie", from: "firm:x" }] } },
      "editor",
    );
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { field: "body.name", message: "is required" },
        { field: "body.changes.0.to", message: "is required" },
      ]),
    );
    expect(body.fields.find((f) => f.field === "body.region")?.message).not.toBe("is required");
    expect(body.message).toContain("body.name is required");
    expect(body.message).not.toMatch(/received undefined|Required/);
  });

  it("for the whole body", async () => {
    const res = await app.inject({ method: "POST", url: "/api/scenarios", headers: bearer("editor") });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).not.toMatch(/received undefined/);
  });
});

describe("dates name a day the calendar has", () => {
  it("the audit log's since refuses 30 February too, naming the field", async () => {
    const body = await refused({ url: "/api/audit?since=2026-02-30T00:00:00Z" }, "admin");
    expect(new Set(body.fields.map((f) => f.field))).toEqual(new Set(["querystring.since"]));
  });
});
