import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import { FIXTURE, loadFixture, removeFixture } from "../../helpers/fixture.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

// A small chain whose gaps are known by construction:
//   t-up (upstream) → t-mid (midstream) → t-down (downstream) ; t-mid → t-service (downstream, no local firm)
//   home district t-home runs an enclave in the far city t-far; its R&D firm sits in t-down.
const graph = testGraph();
let app: App;
let ids: string[] = [];

const region = (id: string, kind: string) => ({ id, name: id, kind, ...FIXTURE });
const segment = (id: string, stage: string) => ({ id, name: id, stage, ...FIXTURE });
const firm = (id: string, tags: string[] = []) => ({ id, name: id, tags, ...FIXTURE });
const rel = (type: string, from: string, to: string, props: Record<string, unknown> = {}) => ({ type, from, to, props, ...FIXTURE });

beforeAll(async () => {
  ids = await loadFixture(graph, {
    "regions.json": [
      region("region:t-city", "city"),
      region("region:t-home", "district"),
      region("region:t-far", "city"),
      region("region:t-enclave", "enclave"),
    ],
    "chains.json": [{ id: "chain:t-chain", name: "测试链", ...FIXTURE }],
    "segments.json": [
      segment("segment:t-up", "upstream"),
      segment("segment:t-mid", "midstream"),
      segment("segment:t-down", "downstream"),
      segment("segment:t-service", "downstream"),
    ],
    "firms.json": [
      firm("firm:t-leader", ["规上"]),
      { ...firm("firm:t-grower"), marketScope: "outside" },
      firm("firm:t-far-buyer"),
      firm("firm:t-enclave-rd"),
      firm("firm:t-cand-a", ["专精特新"]),
      firm("firm:t-cand-b", ["规上"]),
      firm("firm:t-cand-c"),
    ],
    "funds.json": [{ id: "fund:t-fund", name: "测试基金", ...FIXTURE }],
    "institutes.json": [{ id: "inst:t-lab", name: "测试研究院", kind: "institute", ...FIXTURE }],
    "relations.json": [
      rel("PART_OF", "region:t-home", "region:t-city"),
      rel("ENCLAVE_OF", "region:t-enclave", "region:t-home"),
      rel("LOCATED_IN", "region:t-enclave", "region:t-far"),
      ...["segment:t-up", "segment:t-mid", "segment:t-down", "segment:t-service"].map((s) => rel("SEGMENT_OF", s, "chain:t-chain")),
      rel("FEEDS", "segment:t-up", "segment:t-mid"),
      rel("FEEDS", "segment:t-mid", "segment:t-down"),
      rel("FEEDS", "segment:t-mid", "segment:t-service"),
      rel("IN_SEGMENT", "firm:t-leader", "segment:t-mid"),
      rel("IN_SEGMENT", "firm:t-grower", "segment:t-up"),
      rel("IN_SEGMENT", "firm:t-enclave-rd", "segment:t-down"),
      ...["firm:t-cand-a", "firm:t-cand-b", "firm:t-cand-c"].map((f) => rel("IN_SEGMENT", f, "segment:t-service")),
      rel("LOCATED_IN", "firm:t-leader", "region:t-home"),
      rel("LOCATED_IN", "firm:t-grower", "region:t-home"),
      rel("LOCATED_IN", "firm:t-far-buyer", "region:t-far"),
      rel("LOCATED_IN", "firm:t-enclave-rd", "region:t-enclave"),
      ...["firm:t-cand-a", "firm:t-cand-b", "firm:t-cand-c"].map((f) => rel("LOCATED_IN", f, "region:t-far")),
      rel("LOCATED_IN", "fund:t-fund", "region:t-home"),
      rel("LOCATED_IN", "inst:t-lab", "region:t-home"),
      rel("SERVES", "inst:t-lab", "chain:t-chain"),
      rel("SERVES", "fund:t-fund", "segment:t-service"),
      rel("LEADS", "firm:t-leader", "chain:t-chain", { region: "region:t-home" }),
      rel("SUPPLIES", "firm:t-grower", "firm:t-far-buyer"),
      rel("SUPPLIES", "firm:t-leader", "firm:t-cand-a"),
      rel("INVESTS_IN", "fund:t-fund", "firm:t-cand-a"),
      rel("SUPPLIES", "firm:t-cand-c", "firm:t-leader"),
    ],
  });
  app = await testApp();
});

afterAll(async () => {
  await removeFixture(graph, ids);
  await app.close();
  await graph.driver.close();
});

async function gaps(region: string, enclaves = "home") {
  const res = await app.inject({ url: `/api/chains/chain:t-chain/gaps?region=${region}&enclaves=${enclaves}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const kinds = (report: { findings: { id: string }[] }) => report.findings.map((f) => f.id);
const firmsIn = (report: { segments: { id: string; localFirms: number }[] }, id: string) =>
  report.segments.find((s) => s.id === id)?.localFirms;

describe("missing-link detection on a known chain", () => {
  it("reports the missing segment, the broken herb-style flow, the leader gaps and the support gaps", async () => {
    const report = await gaps("region:t-home");
    expect(kinds(report)).toEqual(
      expect.arrayContaining([
        "missing-segment:segment:t-service",
        "broken-link:sells-outside:segment:t-up:segment:t-mid",
        "single-leader",
        "weak-leader-ties:firm:t-leader",
        "support-gap:incubator",
        "support-gap:innovation-platform",
      ]),
    );
    // The lab and the fund are local and serve the chain: no research or fund gap.
    expect(kinds(report)).not.toContain("support-gap:research");
    expect(kinds(report)).not.toContain("support-gap:fund");
    // The summary says which fund counts and by which rules: it serves a segment and invests in one of its firms.
    const fund = report.summary.support.find((a: { category: string }) => a.category === "fund");
    expect(fund).toMatchObject({ id: "fund:t-fund", via: ["serves", "invests"] });
    expect(fund.message.zh).toContain("测试基金计为本地产业基金：服务本产业链或其环节；投资了本产业链环节的企业");
    expect(report.summary.coverageByStage.downstream).toEqual({ segments: 2, covered: 1 });
  });

  it("a city sees its districts' firms as local", async () => {
    expect(firmsIn(await gaps("region:t-city"), "segment:t-mid")).toBe(1);
  });

  it("counts an enclave's firm for the home district, or for the host city, as asked", async () => {
    expect(firmsIn(await gaps("region:t-home", "home"), "segment:t-down")).toBe(1);
    expect(firmsIn(await gaps("region:t-home", "host"), "segment:t-down")).toBe(0);
    expect(firmsIn(await gaps("region:t-far", "host"), "segment:t-down")).toBe(1);
    expect(firmsIn(await gaps("region:t-far", "home"), "segment:t-down")).toBe(0);
  });

  it("thin is judged by the thresholds asked for (default: fewer than 3 local firms)", async () => {
    expect(kinds(await gaps("region:t-home"))).toContain("thin-segment:segment:t-mid");
    const lenient = await app.inject({ url: "/api/chains/chain:t-chain/gaps?region=region:t-home&minFirms=1&minAboveScale=0" });
    expect(lenient.json().thresholds).toMatchObject({ minFirms: 1, minAboveScale: 0 });
    expect(kinds(lenient.json())).not.toContain("thin-segment:segment:t-mid");
  });
});

describe("prioritised findings and the leader's ratios", () => {
  it("orders findings by priority with a top list, counts per group, and shows both leader ratios with their numbers", async () => {
    const report = await gaps("region:t-home");
    const priorities = report.findings.map((f: { priority: number }) => f.priority);
    expect(priorities).toEqual([...priorities].sort((x: number, y: number) => y - x));
    expect(report.top).toEqual(report.findings.slice(0, 10).map((f: { id: string }) => f.id));
    const counted = report.groups.reduce((n: number, g: { count: number }) => n + g.count, 0);
    expect(counted).toBe(report.findings.length);
    for (const f of report.findings) expect(["targets", "matchmaking", "support"]).toContain(f.nextAction);
    // The leader buys from t-cand-c (outside) and sells to t-cand-a (outside): 0/1 suppliers, 0/1 customers.
    expect(report.leaders).toEqual([
      expect.objectContaining({ id: "firm:t-leader", suppliers: 1, localSuppliers: 0, customers: 1, localCustomers: 0, weak: true }),
    ]);
    const short = await app.inject({ url: "/api/chains/chain:t-chain/gaps?region=region:t-home&top=2" });
    expect(short.json().top).toHaveLength(2);
    // The supplier-share threshold is a query parameter: at 0 the leader (0/1 local suppliers) is no longer weak.
    const lenient = await app.inject({ url: "/api/chains/chain:t-chain/gaps?region=region:t-home&minLocalSupplierShare=0" });
    expect(lenient.json().thresholds.minLocalSupplierShare).toBe(0);
    expect(lenient.json().leaders[0].weak).toBe(false);
    const bad = await app.inject({ url: "/api/chains/chain:t-chain/gaps?region=region:t-home&minLocalSupplierShare=1.5" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("minLocalSupplierShare");
  });
});

describe("recruitment targets", () => {
  it("ranks outside firms in the gap by their ties into the region, each reason with its path", async () => {
    const res = await app.inject({ url: "/api/chains/chain:t-chain/targets?region=region:t-home&segment=segment:t-service" });
    expect(res.statusCode, res.body).toBe(200);
    const { targets, elements } = res.json();
    expect(targets.map((t: { firm: { id: string } }) => t.firm.id)).toEqual(["firm:t-cand-a", "firm:t-cand-c", "firm:t-cand-b"]);
    const [a, c] = targets;
    expect(a.reasons.map((r: { kind: string }) => r.kind)).toEqual(
      expect.arrayContaining(["localFund", "buysFromLeader", "partnerRegion", "tag"]),
    );
    expect(a.reasons.find((r: { kind: string }) => r.kind === "localFund").path).toEqual(["fund:t-fund", "firm:t-cand-a"]);
    // t-far hosts t-home's enclave, so it is a partner region; the path ends with the enclave's real LOCATED_IN edge.
    expect(a.reasons.find((r: { kind: string }) => r.kind === "partnerRegion").paths[0].edgeIds).toEqual([
      "firm:t-cand-a|LOCATED_IN|region:t-far",
      "region:t-enclave|LOCATED_IN|region:t-far",
    ]);
    expect(c.reasons[0].kind).toBe("suppliesLeader");
    for (const t of targets) {
      const sum = t.reasons.reduce((n: number, r: { weight: number }) => n + r.weight, 0);
      expect(Math.abs(sum - t.score), `${t.firm.id}: breakdown adds up to the score`).toBeLessThan(0.02);
    }
    const edgeIds = elements.edges.map((e: { data: { id: string } }) => e.data.id);
    expect(edgeIds).toContain("firm:t-cand-c|SUPPLIES|firm:t-leader");
    // Every evidence edge is one the graph holds.
    const drawn = targets.flatMap((t: { reasons: { paths: { edgeIds: string[] }[] }[] }) =>
      t.reasons.flatMap((r) => r.paths.flatMap((p) => p.edgeIds)),
    );
    for (const id of drawn) {
      const [from, type, to] = id.split("|");
      const [row] = await graph.runRaw(
        "MATCH (a:Entity {id: $from})-[r]->(b:Entity {id: $to}) WHERE type(r) = $type RETURN count(r) AS n",
        {
          from,
          to,
          type,
        },
      );
      expect(row?.n, `${id} is in the graph`).toBeGreaterThan(0);
    }
    expect(res.json()).toMatchObject({ total: 3, truncated: false, offset: 0 });
    expect(res.json().route.steps[0]).toMatchObject({ step: 1, firm: { id: "firm:t-cand-a" }, closes: ["segment:t-service"] });
  });

  it("pages the ranked list with offset and limit, ranks counted from the offset", async () => {
    const res = await app.inject({
      url: "/api/chains/chain:t-chain/targets?region=region:t-home&segment=segment:t-service&offset=1&limit=1",
    });
    expect(res.json().targets.map((t: { rank: number; firm: { id: string } }) => [t.rank, t.firm.id])).toEqual([[2, "firm:t-cand-c"]]);
    expect(res.json().total).toBe(3);
  });

  it("proposes local matchmaking for the broken flow (the grower selling outside to local buyers)", async () => {
    const res = await app.inject({ url: "/api/chains/chain:t-chain/targets?region=region:t-home&segment=segment:t-up" });
    const pairs = res.json().matchmaking.map((p: { supplier: { id: string }; buyer: { id: string } }) => [p.supplier.id, p.buyer.id]);
    expect(pairs).toContainEqual(["firm:t-grower", "firm:t-leader"]);
  });

  it("404 for a segment that is not in the chain", async () => {
    const res = await app.inject({ url: "/api/chains/chain:t-chain/targets?region=region:t-home&segment=segment:bh-tcm" });
    expect(res.statusCode).toBe(404);
  });
});

describe("region comparison", () => {
  it("gives one cell per region and segment with the firms behind it", async () => {
    const res = await app.inject({ url: "/api/chains/chain:t-chain/compare?regions=region:t-home,region:t-far&enclaves=host" });
    expect(res.statusCode, res.body).toBe(200);
    const { cells, regions, segments } = res.json();
    expect(regions.map((r: { id: string }) => r.id)).toEqual(["region:t-home", "region:t-far"]);
    expect(cells).toHaveLength(2 * segments.length);
    const far = cells.find((c: { region: string; segment: string }) => c.region === "region:t-far" && c.segment === "segment:t-service");
    expect(far.firmIds.sort()).toEqual(["firm:t-cand-a", "firm:t-cand-b", "firm:t-cand-c"]);
  });
});
