import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import { testApp } from "../../helpers/graph.ts";

let app: App;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

type Finding = {
  id: string;
  kind: string;
  severity: string;
  segment?: string;
  message: { zh: string; en: string };
  evidence: { nodeIds: string[]; edgeIds: string[]; sources: { doc: string; quote: string }[] };
};

async function lianzhouGaps() {
  const res = await app.inject({ url: "/api/chains/chain:beauty-health/gaps?region=region:lianzhou" });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    findings: Finding[];
    segments: { id: string; localFirms: number; reportedFirms?: number }[];
    summary: { completeness: number };
    documents: { id: string; title: string }[];
  };
}

// The gaps the source documents describe for 莲都区 beauty & health (doc 000, 存在问题), found in the data.
describe("gap report for 莲都区 beauty & health (demo data)", () => {
  it("finds a single chain leader (纳爱斯) with weak local ties, citing the document", async () => {
    const { findings } = await lianzhouGaps();
    const single = findings.find((f) => f.kind === "single-leader");
    expect(single?.evidence.nodeIds).toEqual(["firm:nice-group"]);
    expect(single?.evidence.sources.map((s) => s.quote).join()).toContain("仅纳爱斯集团一家链主型企业");
    const weak = findings.find((f) => f.kind === "weak-leader-ties");
    expect(weak?.evidence.nodeIds[0]).toBe("firm:nice-group");
    expect(weak?.message.zh).toContain("纳爱斯");
  });

  it("finds the upstream herb supply not closed locally (本润农业 sells its 覆盆子 outside)", async () => {
    const { findings } = await lianzhouGaps();
    const broken = findings.filter((f) => f.kind === "broken-link" && f.evidence.nodeIds.includes("firm:benrun-agriculture"));
    expect(broken.length).toBeGreaterThan(0);
    expect(broken[0]?.severity).toBe("high");
    expect(broken[0]?.evidence.sources.some((s) => s.quote.includes("覆盆子"))).toBe(true);
  });

  it("marks downstream medical-aesthetics services thin although some twenty small firms are reported", async () => {
    const { findings, segments } = await lianzhouGaps();
    expect(segments.find((s) => s.id === "segment:bh-medical-aesthetics")?.reportedFirms).toBe(20);
    const thin = findings.find((f) => f.id === "thin-segment:segment:bh-medical-aesthetics");
    expect(thin?.kind).toBe("thin-segment");
  });

  it("finds no operating incubator and no public innovation platform, naming the planned one", async () => {
    const { findings } = await lianzhouGaps();
    const incubator = findings.find((f) => f.id === "support-gap:incubator");
    expect(incubator?.message.zh).toContain("白口双创中心");
    expect(findings.some((f) => f.id === "support-gap:innovation-platform")).toBe(true);
  });

  it("gives every finding a bilingual message and every cited document a title", async () => {
    const { findings, documents, summary } = await lianzhouGaps();
    for (const f of findings) {
      expect(f.message.zh.length, f.id).toBeGreaterThan(4);
      expect(f.message.en.length, f.id).toBeGreaterThan(4);
    }
    const cited = new Set(findings.flatMap((f) => f.evidence.sources.map((s) => s.doc)));
    expect(documents.map((d) => d.id).sort()).toEqual([...cited].sort());
    expect(summary.completeness).toBeGreaterThan(0);
    expect(summary.completeness).toBeLessThan(100);
  });

  it("draws the chain map with segments by stage, the leader, and broken flows marked", async () => {
    const res = await app.inject({ url: "/api/chains/chain:beauty-health/map?region=region:lianzhou" });
    expect(res.statusCode).toBe(200);
    const { elements } = res.json();
    const nice = elements.nodes.find((n: { data: { id: string } }) => n.data.id === "firm:nice-group");
    expect(nice?.data.leader).toBe(true);
    const aesthetics = elements.nodes.find((n: { data: { id: string } }) => n.data.id === "segment:bh-medical-aesthetics");
    expect(aesthetics?.data.gap).toBe("thin");
    const broken = elements.edges.filter((e: { data: { type: string; broken?: boolean } }) => e.data.type === "FEEDS" && e.data.broken);
    expect(broken.length).toBeGreaterThan(0);
  });
});

describe("recruitment targets and comparison on the demo data", () => {
  it("lists Wenjiang's biomedicine firms as targets for 莲都's thin biopharma segment, through the equivalent segment", async () => {
    const res = await app.inject({ url: "/api/chains/chain:beauty-health/targets?region=region:lianzhou&segment=segment:bh-biopharma" });
    expect(res.statusCode, res.body).toBe(200);
    const targets = res.json().targets as { firm: { id: string }; reasons: { kind: string; path: string[] }[] }[];
    const kelun = targets.find((t) => t.firm.id === "firm:kelun-pharma");
    expect(kelun?.reasons.find((r) => r.kind === "inGapSegment")).toMatchObject({
      path: ["firm:kelun-pharma", "segment:health-biomedicine", "segment:bh-biopharma"],
    });
    expect(targets.map((t) => t.firm.id)).not.toContain("firm:ruixin-pharma");
  });

  it("compares regions cell by cell and marks the leader's segment", async () => {
    const res = await app.inject({ url: "/api/chains/chain:beauty-health/compare?regions=region:lianzhou,region:wenjiang" });
    expect(res.statusCode, res.body).toBe(200);
    const cell = res
      .json()
      .cells.find((c: { region: string; segment: string }) => c.region === "region:lianzhou" && c.segment === "segment:bh-daily-chem");
    expect(cell).toMatchObject({ firms: 1, leaders: 1, firmIds: ["firm:nice-group"] });
  });
});

describe("analysis endpoints refuse bad input clearly", () => {
  it("400 names the parameter", async () => {
    const res = await app.inject({ url: "/api/chains/chain:beauty-health/gaps?region=lianzhou" });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/region/);
    const enclaves = await app.inject({ url: "/api/chains/chain:beauty-health/gaps?region=region:lianzhou&enclaves=sideways" });
    expect(enclaves.statusCode).toBe(400);
    expect(enclaves.json().message).toMatch(/enclaves/);
  });

  it("404 for an unknown chain or region", async () => {
    const chain = await app.inject({ url: "/api/chains/chain:no-such/gaps?region=region:lianzhou" });
    expect(chain.statusCode).toBe(404);
    expect(chain.json().message).toContain("chain:no-such");
    const region = await app.inject({ url: "/api/chains/chain:beauty-health/map?region=region:atlantis" });
    expect(region.statusCode).toBe(404);
  });

  it("compare needs at least one region and at most twelve", async () => {
    const none = await app.inject({ url: "/api/chains/chain:big-health/compare?regions=" });
    expect(none.statusCode).toBe(400);
    const many = Array.from({ length: 13 }, (_, i) => `region:r${i}`).join(",");
    expect((await app.inject({ url: `/api/chains/chain:big-health/compare?regions=${many}` })).statusCode).toBe(400);
  });
});
