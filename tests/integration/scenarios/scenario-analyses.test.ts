import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { FIXTURE, loadFixture, removeFixture } from "../../helpers/fixture.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

// Resilience and targets computed under a scenario (远景), on a chain whose answers are known:
//   w-up → w-mid → w-service; local: the leader and w-mid-b (mid), w-up-a and w-up-b (up).
//   w-up-a supplies the leader and w-mid-b; w-up-b supplies the leader: two local sources for up → mid.
//   w-service has no local firm (the gap); its candidates sit in w-far:
//     w-cand-1 buys from w-recruit (outside, in up): recruiting w-recruit makes that a local tie;
//     w-cand-2 buys from w-mid-b (local): removing w-mid-b takes that tie away.
const graph = testGraph();
let app: App;
let ids: string[] = [];
const created: string[] = [];

const CHAIN = "chain:w-chain";
const REGION = "region:w-home";
const firm = (id: string, tags: string[] = []) => ({ id, name: `${id.slice(5)}公司`, tags, ...FIXTURE });
const rel = (type: string, from: string, to: string, props: Record<string, unknown> = {}) => ({ type, from, to, props, ...FIXTURE });

beforeAll(async () => {
  ids = await loadFixture(graph, {
    "regions.json": [
      { id: REGION, name: "远景测试区", kind: "district", ...FIXTURE },
      { id: "region:w-far", name: "远方市", kind: "city", ...FIXTURE },
    ],
    "chains.json": [{ id: CHAIN, name: "远景测试链", ...FIXTURE }],
    "segments.json": [
      { id: "segment:w-up", name: "上游", stage: "upstream", ...FIXTURE },
      { id: "segment:w-mid", name: "中游", stage: "midstream", ...FIXTURE },
      { id: "segment:w-service", name: "服务", stage: "downstream", ...FIXTURE },
    ],
    "firms.json": [
      firm("firm:w-leader", ["规上"]),
      firm("firm:w-mid-b"),
      firm("firm:w-up-a"),
      firm("firm:w-up-b"),
      firm("firm:w-recruit"),
      firm("firm:w-cand-1"),
      firm("firm:w-cand-2"),
    ],
    "relations.json": [
      ...["segment:w-up", "segment:w-mid", "segment:w-service"].map((s) => rel("SEGMENT_OF", s, CHAIN)),
      rel("FEEDS", "segment:w-up", "segment:w-mid"),
      rel("FEEDS", "segment:w-mid", "segment:w-service"),
      rel("IN_SEGMENT", "firm:w-leader", "segment:w-mid"),
      rel("IN_SEGMENT", "firm:w-mid-b", "segment:w-mid"),
      rel("IN_SEGMENT", "firm:w-up-a", "segment:w-up"),
      rel("IN_SEGMENT", "firm:w-up-b", "segment:w-up"),
      rel("IN_SEGMENT", "firm:w-recruit", "segment:w-up"),
      rel("IN_SEGMENT", "firm:w-cand-1", "segment:w-service"),
      rel("IN_SEGMENT", "firm:w-cand-2", "segment:w-service"),
      ...["firm:w-leader", "firm:w-mid-b", "firm:w-up-a", "firm:w-up-b"].map((f) => rel("LOCATED_IN", f, REGION)),
      ...["firm:w-recruit", "firm:w-cand-1", "firm:w-cand-2"].map((f) => rel("LOCATED_IN", f, "region:w-far")),
      rel("LEADS", "firm:w-leader", CHAIN, { region: REGION }),
      rel("SUPPLIES", "firm:w-up-a", "firm:w-leader"),
      rel("SUPPLIES", "firm:w-up-a", "firm:w-mid-b"),
      rel("SUPPLIES", "firm:w-up-b", "firm:w-leader"),
      rel("SUPPLIES", "firm:w-recruit", "firm:w-cand-1"),
      rel("SUPPLIES", "firm:w-mid-b", "firm:w-cand-2"),
    ],
  });
  app = await testApp({ security: testSecurity() });
});

afterAll(async () => {
  if (created.length) await graph.runRaw("MATCH (s:Scenario) WHERE s.id IN $created DELETE s", { created });
  await removeFixture(graph, ids);
  await app?.close();
  await graph.driver.close();
});

async function scenario(name: string, changes: Record<string, unknown>[]) {
  const res = await app.inject({
    method: "POST",
    url: "/api/scenarios",
    headers: bearer("editor"),
    payload: { name, chain: CHAIN, region: REGION, changes },
  });
  expect(res.statusCode, res.body).toBe(201);
  created.push(res.json().id);
  return res.json().id as string;
}

async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ url, headers: bearer("viewer") });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

interface Knockout {
  firm: string;
  segmentsLost: string[];
  flowsOpened: { from: string; to: string }[];
}
interface Report {
  localFirms: number;
  critical: Knockout[];
  flows: { from: string; to: string; suppliers: number; singleSource: string | null }[];
}
const resilience = (extra = "") => get<Report>(`/api/chains/${CHAIN}/resilience?region=${REGION}${extra}`);
const upToMid = (r: Report) => r.flows.find((f) => f.from === "segment:w-up" && f.to === "segment:w-mid");

describe("resilience under a scenario (scenario=)", () => {
  it("a firm the scenario removes is not knocked out, and its twin becomes the single source whose loss empties the segment", async () => {
    const plain = await resilience();
    expect(plain.localFirms).toBe(4);
    expect(upToMid(plain)).toMatchObject({ suppliers: 2, singleSource: null });
    expect(plain.critical.find((c) => c.firm === "firm:w-up-a")!.segmentsLost).toEqual([]);

    const id = await scenario("上游企业外迁", [{ kind: "remove-firm", firm: "firm:w-up-b" }]);
    const under = await resilience(`&scenario=${id}`);
    expect(under.localFirms).toBe(3);
    expect(under.critical.map((c) => c.firm)).not.toContain("firm:w-up-b");
    expect(upToMid(under)).toMatchObject({ suppliers: 1, singleSource: "firm:w-up-a" });
    const upA = under.critical.find((c) => c.firm === "firm:w-up-a")!;
    expect(upA.segmentsLost).toEqual(["segment:w-up"]);
    expect(upA.flowsOpened).toEqual([{ from: "segment:w-up", to: "segment:w-mid" }]);
    // The real graph's report is unchanged by the scenario.
    expect((await resilience()).localFirms).toBe(4);
  });

  it("a firm the scenario recruits is local: knocked out in turn", async () => {
    const id = await scenario("引进上游企业", [{ kind: "add-firm", firm: "firm:w-recruit", segment: "segment:w-up" }]);
    const under = await resilience(`&scenario=${id}`);
    expect(under.localFirms).toBe(5);
    expect(under.critical.map((c) => c.firm)).toContain("firm:w-recruit");
  });

  it("refuses a scenario of another region with a 400 naming the parameter", async () => {
    const id = await scenario("区域校验", [{ kind: "remove-firm", firm: "firm:w-up-b" }]);
    const res = await app.inject({ url: `/api/chains/${CHAIN}/resilience?region=region:w-far&scenario=${id}`, headers: bearer("viewer") });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/querystring\.scenario/);
  });
});

interface Target {
  firm: { id: string };
  score: number;
  reasons: { kind: string; count: number; paths: { nodes: string[] }[] }[];
}
const targets = async (extra = "") =>
  (await get<{ targets: Target[] }>(`/api/chains/${CHAIN}/targets?region=${REGION}&segment=segment:w-service&limit=20${extra}`)).targets;
const reason = (list: Target[], firmId: string, kind: string) =>
  list.find((t) => t.firm.id === firmId)?.reasons.find((r) => r.kind === kind);

describe("targets ranked under a scenario (scenario=)", () => {
  it("a candidate tied to a recruited firm gains the local-tie reason, with the real tie as its evidence", async () => {
    const plain = await targets();
    expect(plain.map((t) => t.firm.id).sort()).toEqual(["firm:w-cand-1", "firm:w-cand-2"]);
    expect(reason(plain, "firm:w-cand-1", "buysFromLocal")).toBeUndefined();

    const id = await scenario("引进供应商", [{ kind: "add-firm", firm: "firm:w-recruit", segment: "segment:w-up" }]);
    const under = await targets(`&scenario=${id}`);
    const gained = reason(under, "firm:w-cand-1", "buysFromLocal");
    expect(gained?.count).toBe(1);
    expect(gained?.paths.map((p) => p.nodes)).toEqual([["firm:w-recruit", "firm:w-cand-1"]]);
    const score = (list: Target[]) => list.find((t) => t.firm.id === "firm:w-cand-1")!.score;
    expect(score(under)).toBeGreaterThan(score(plain));
  });

  it("a candidate tied only to a removed firm loses the local-tie reason", async () => {
    const plain = await targets();
    expect(reason(plain, "firm:w-cand-2", "buysFromLocal")?.count).toBe(1);
    const id = await scenario("中游企业关停", [{ kind: "remove-firm", firm: "firm:w-mid-b" }]);
    const under = await targets(`&scenario=${id}`);
    expect(reason(under, "firm:w-cand-2", "buysFromLocal")).toBeUndefined();
    expect(under.map((t) => t.firm.id)).toContain("firm:w-cand-2");
  });

  it("a recruited firm is no longer a candidate itself", async () => {
    const id = await scenario("引进服务企业", [{ kind: "add-firm", firm: "firm:w-cand-2", segment: "segment:w-service" }]);
    const under = await targets(`&scenario=${id}`);
    expect(under.map((t) => t.firm.id)).toEqual(["firm:w-cand-1"]);
  });
});
