import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type App, buildApp } from "../../../server/app.ts";
import { api } from "../../../web/src/api/client.ts";
import { ApiError } from "../../../web/src/api/errors.ts";
import { TEST_TOKENS, testSecurity } from "../../helpers/auth.ts";
import { testConfig } from "../../helpers/graph.ts";
import { everyClientCall } from "../../helpers/web-client-calls.ts";

/**
 * The web's API client against the real app (fetch handed to app.inject) on the demo data: what
 * the client gives its views must be exactly what the server sent, every field kept and none
 * added, for every call. Writes are left out but for a dry run (it writes nothing), a revert of
 * a batch that does not exist, and saving this test's own scenario again.
 */
let app: App;
let lastBody: unknown;

beforeAll(async () => {
  app = await buildApp({ ...testConfig(), security: testSecurity() });
  await app.ready();
  // One saved scenario, so the 远景 outcome call has something real to answer with.
  const created = await app.inject({
    method: "POST",
    url: "/api/scenarios",
    headers: { authorization: `Bearer ${TEST_TOKENS.editor}` },
    payload: {
      name: "web client",
      chain: ids.chain,
      region: ids.region,
      changes: [{ kind: "add-firm", name: "示例新企业", segment: ids.segment }],
    },
  });
  ids.scenario = created.json().id;
  vi.stubGlobal("fetch", async (input: string, init?: RequestInit) => {
    const request = new Request(new URL(input, "http://app.test"), init);
    const res = await app.inject({
      method: request.method as "GET" | "POST",
      url: input,
      headers: Object.fromEntries(request.headers),
      payload: request.body ? Buffer.from(await request.arrayBuffer()) : undefined,
    });
    lastBody = res.headers["content-type"]?.toString().startsWith("application/json") ? res.json() : undefined;
    return new Response(new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: { "content-type": String(res.headers["content-type"] ?? "") },
    });
  });
});

afterAll(async () => {
  vi.unstubAllGlobals();
  if (ids.scenario)
    await app.inject({
      method: "DELETE",
      url: `/api/scenarios/${ids.scenario}`,
      headers: { authorization: `Bearer ${TEST_TOKENS.editor}` },
    });
  await app.close();
});

const ids = {
  firm: "firm:nice-group",
  otherFirm: "firm:eternal-asia",
  chain: "chain:beauty-health",
  region: "region:lianzhou",
  batch: "import-20000101-000000-nobody",
  scenario: "",
  segment: "segment:bh-anti-aging",
};
const calls = everyClientCall(api, ids, TEST_TOKENS.editor);

describe("the web's API client on the real app", () => {
  for (const [name, call] of Object.entries(calls)) {
    if (call === "file" || name === "revertImport") continue;
    it(`${name}: the view gets exactly the answer the server sent`, async () => {
      const parsed = await call();
      expect(lastBody, `${name} answered JSON`).toBeDefined();
      expect(parsed).toStrictEqual(lastBody);
    });
  }

  it("the chain map arrives with its truncated flag and its firms", async () => {
    const map = await api.map(ids.chain, ids.region);
    expect(typeof map.truncated).toBe("boolean");
    expect(map.elements.nodes.some((n) => n.data.type === "firm")).toBe(true);
  });

  it("an error answer reaches the view as an ApiError with the server's message", async () => {
    const error = await api.revertImport(ids.batch, TEST_TOKENS.editor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toMatch(/import-20000101-000000-nobody/);
  });
});
