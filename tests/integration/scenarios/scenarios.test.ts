import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSynthetic } from "../../../seeds/synthetic/generate.ts";
import { type PlantedGaps, plantedGaps } from "../../../seeds/synthetic/manifest.ts";
import { removeSynthetic } from "../../../seeds/synthetic/remove.ts";
import type { App } from "../../../server/app.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";

/**
 * Scenarios (远景) against the synthetic generator's answer key: recruiting a planted best target
 * closes its gap and touches nothing else; withdrawing the planted single leader opens exactly
 * "no leader"; the scenario never leaks into the real graph or its exports; hostile input is a 4xx.
 */
const graph = testGraph();
let app: App;
let planted: PlantedGaps[] = [];

beforeAll(async () => {
  await removeSynthetic(graph);
  const { plan } = await generateSynthetic(graph, { seed: 7, firms: 6_000 });
  planted = plantedGaps(plan);
  app = await testApp({ security: testSecurity() });
}, 900_000);

afterAll(async () => {
  await graph.runRaw("MATCH (s:Scenario) DELETE s");
  await removeSynthetic(graph);
  await app?.close();
  await graph.driver.close();
});

async function createScenario(body: Record<string, unknown>) {
  return app.inject({ method: "POST", url: "/api/scenarios", headers: bearer("editor"), payload: body });
}

async function outcomeOf(body: Record<string, unknown>) {
  const created = await createScenario(body);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const outcome = await app.inject({ url: `/api/scenarios/${id}/outcome`, headers: bearer("viewer") });
  expect(outcome.statusCode, outcome.body).toBe(200);
  return { id, outcome: outcome.json() as Outcome };
}

interface Finding {
  id: string;
  kind: string;
  segment?: string;
}
interface Outcome {
  completeness: { before: number; after: number };
  closed: Finding[];
  opened: Finding[];
  kept: number;
  added: { nodes: { data: { id: string } }[] };
  removed: string[];
  unled: string[];
  named: { id: string; label: string }[];
}

const plain = async (p: { chain: string; region: string }, extra = "") => {
  const res = await app.inject({ url: `/api/chains/${p.chain}/gaps?region=${p.region}${extra}`, headers: bearer("viewer") });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { findings: Finding[]; segments: { id: string; localFirms: number }[]; summary: { completeness: number } };
};

describe("scenarios over the synthetic answer key", () => {
  it("recruiting the planted best target closes exactly its gap (the missing segment and the flows it left without upstream)", async () => {
    const plants = planted.flatMap((p) => p.targets.map((t) => ({ p, t })));
    expect(plants.length).toBeGreaterThan(0);
    for (const { p, t } of plants.slice(0, 3)) {
      const { id, outcome } = await outcomeOf({
        name: "引进最佳目标",
        chain: p.chain,
        region: p.region,
        changes: [{ kind: "add-firm", firm: t.best, segment: t.segment }],
      });
      const expectedClosed = [
        `missing-segment:${t.segment}`,
        ...p.broken.filter((b) => b.kind === "no-upstream" && b.from === t.segment).map((b) => `broken-link:no-upstream:${b.from}:${b.to}`),
      ];
      expect(outcome.closed.map((f) => f.id).sort(), `${p.region} ${t.segment}`).toEqual(expectedClosed.sort());
      // Whatever it opens is about the recruited segment only (now thin; flows out of or into it now wait for a local tie).
      for (const f of outcome.opened) expect(f.segment === t.segment || f.id.endsWith(`:${t.segment}`), f.id).toBe(true);
      expect(outcome.completeness.after).toBeGreaterThan(outcome.completeness.before);
      expect(outcome.added.nodes.map((n) => n.data.id)).toEqual([t.best]);
      // The same scenario through the gap route, and the real graph untouched by it.
      const under = await plain(p, `&scenario=${id}`);
      expect(under.summary.completeness).toBe(outcome.completeness.after);
      expect(under.segments.find((s) => s.id === t.segment)!.localFirms).toBe(1);
      expect((await plain(p)).segments.find((s) => s.id === t.segment)!.localFirms).toBe(0);
      const map = await app.inject({ url: `/api/chains/${p.chain}/map?region=${p.region}&scenario=${id}`, headers: bearer("viewer") });
      expect(map.statusCode, map.body).toBe(200);
      const recruited = map.json().elements.nodes.find((n: { data: { id: string } }) => n.data.id === t.best);
      expect(recruited?.data.scenario, "the recruited firm is drawn as a scenario piece").toBe(true);
    }
  });

  it("withdrawing the planted single leader opens exactly 'no leader' and closes the single-leader finding", async () => {
    const p = planted.find((x) => x.leaders.kind === "single")!;
    expect(p).toBeDefined();
    const leader = p.leaders.firms[0]!;
    const before = await plain(p);
    const { outcome } = await outcomeOf({
      name: "链主撤离",
      chain: p.chain,
      region: p.region,
      changes: [{ kind: "remove-leader", firm: leader }],
    });
    expect(outcome.opened.map((f) => f.id)).toEqual(["no-leader"]);
    // The withdrawn leader is named, not shown as its id.
    expect(outcome.unled).toEqual([leader]);
    const named = outcome.named.find((n) => n.id === leader);
    expect(named?.label).toBeTruthy();
    expect(named?.label).not.toBe(leader);
    const weakBefore = before.findings.some((f) => f.id === `weak-leader-ties:${leader}`);
    expect(outcome.closed.map((f) => f.id).sort()).toEqual(["single-leader", ...(weakBefore ? [`weak-leader-ties:${leader}`] : [])].sort());
    expect(outcome.completeness.after).toBeLessThan(outcome.completeness.before);
  });

  it("removing the planted leader firm takes one firm out of each of its segments and leaves no leader", async () => {
    const p = planted.find((x) => x.leaders.kind === "single")!;
    const leader = p.leaders.firms[0]!;
    const own = await graph.runRaw("MATCH (:Firm {id: $leader})-[:IN_SEGMENT]->(s:Segment) RETURN collect(s.id) AS ids", { leader });
    const segments = own[0]!.ids as string[];
    const before = await plain(p);
    const { id, outcome } = await outcomeOf({
      name: "链主外迁",
      chain: p.chain,
      region: p.region,
      changes: [{ kind: "remove-firm", firm: leader }],
    });
    expect(outcome.opened.map((f) => f.id)).toContain("no-leader");
    expect(outcome.removed).toEqual([leader]);
    expect(outcome.named.map((n) => n.id)).toEqual([leader]);
    const after = await plain(p, `&scenario=${id}`);
    for (const s of segments) {
      const was = before.segments.find((x) => x.id === s)!.localFirms;
      expect(after.segments.find((x) => x.id === s)!.localFirms, s).toBe(was - 1);
    }
  });

  it("keeps scenario data out of the real graph and its exports", async () => {
    const p = planted.find((x) => x.targets.length > 0)!;
    const t = p.targets[0]!;
    const entitiesBefore = await graph.runRaw("MATCH (n:Entity) RETURN count(n) AS n");
    const created = await createScenario({
      name: "导出隔离",
      chain: p.chain,
      region: p.region,
      changes: [
        { kind: "add-firm", name: "远景虚构企业甲", segment: t.segment, aboveScale: true },
        { kind: "add-tie", from: "new:0", to: p.leaders.firms[0] ?? t.best },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await graph.runRaw("MATCH (n:Entity) RETURN count(n) AS n")).toEqual(entitiesBefore);
    expect(await graph.runRaw("MATCH (n) WHERE n.name = '远景虚构企业甲' RETURN count(n) AS n")).toEqual([{ n: 0 }]);
    const ids = [p.region, p.chain, t.segment, t.best, ...p.leaders.firms];
    for (const format of ["json", "graphml", "cypher"]) {
      const res = await app.inject({
        method: "POST",
        url: `/api/export?format=${format}`,
        headers: bearer("viewer"),
        payload: { nodeIds: ids },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain("远景虚构企业甲");
      expect(res.body).not.toContain("new:0");
      expect(res.body).not.toContain(created.json().id);
    }
    const plainMap = await app.inject({ url: `/api/chains/${p.chain}/map?region=${p.region}`, headers: bearer("viewer") });
    expect(plainMap.body).not.toContain("远景虚构企业甲");
  });

  it("answers hostile scenario input with a 4xx and a message naming the field", async () => {
    const p = planted.find((x) => x.targets.length > 0)!;
    const t = p.targets[0]!;
    const base = { name: "坏输入", chain: p.chain, region: p.region };
    const cases: [string, Record<string, unknown>, number, RegExp][] = [
      [
        "unknown firm",
        { ...base, changes: [{ kind: "add-firm", firm: "firm:syn-9999999", segment: t.segment }] },
        400,
        /body\.changes\.0\.firm/,
      ],
      [
        "unknown segment",
        { ...base, changes: [{ kind: "add-firm", name: "甲", segment: "segment:nope" }] },
        400,
        /body\.changes\.0\.segment/,
      ],
      [
        "unknown region",
        { ...base, region: "region:nowhere", changes: [{ kind: "add-firm", name: "甲", segment: t.segment }] },
        404,
        /region/,
      ],
      [
        "10k changes",
        { ...base, changes: Array.from({ length: 10_000 }, () => ({ kind: "add-firm", name: "甲", segment: t.segment })) },
        400,
        /at most 200 changes/,
      ],
      [
        "a cycle of assumed ties",
        {
          ...base,
          changes: [
            { kind: "add-firm", name: "甲", segment: t.segment },
            { kind: "add-firm", name: "乙", segment: t.segment },
            { kind: "add-tie", from: "new:0", to: "new:1" },
            { kind: "add-tie", from: "new:1", to: "new:0" },
          ],
        },
        400,
        /body\.changes\.3\.to: .*cycle/,
      ],
      ["a self tie", { ...base, changes: [{ kind: "add-tie", from: t.best, to: t.best }] }, 400, /supply itself/],
      [
        "a tie from neither a firm id nor new:<n>",
        { ...base, changes: [{ kind: "add-tie", from: "甲公司", to: t.best }] },
        400,
        /body\.changes\.0\.from: must be a firm id \(firm:…\) or new:<n>/,
      ],
      [
        "a tie to a firm not yet added",
        { ...base, changes: [{ kind: "add-tie", from: "new:5", to: t.best }] },
        400,
        /body\.changes\.0\.from/,
      ],
      ["removing a firm outside the region", { ...base, changes: [{ kind: "remove-firm", firm: t.best }] }, 400, /not in the region/],
      ["an unknown kind", { ...base, changes: [{ kind: "teleport", firm: t.best }] }, 400, /changes/],
      ["no changes", { ...base, changes: [] }, 400, /at least one change/],
    ];
    for (const [label, body, status, message] of cases) {
      const res = await createScenario(body);
      expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
      expect(res.json().message, label).toMatch(message);
    }
    const missing = await app.inject({ url: "/api/scenarios/scenario-20260101-nothere/outcome", headers: bearer("viewer") });
    expect(missing.statusCode).toBe(404);
    const gapsMissing = await app.inject({ url: `/api/chains/${p.chain}/gaps?region=${p.region}&scenario=scenario-20260101-nothere` });
    expect(gapsMissing.statusCode).toBe(404);
    const viewerWrite = await app.inject({
      method: "POST",
      url: "/api/scenarios",
      headers: bearer("viewer"),
      payload: { ...base, changes: [{ kind: "add-firm", name: "甲", segment: t.segment }] },
    });
    expect(viewerWrite.statusCode, "viewers may not write scenarios").toBe(403);
    const listed = await app.inject({ url: `/api/scenarios?chain=${p.chain}`, headers: bearer("viewer") });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().scenarios.length).toBeGreaterThan(0);
    expect(
      listed.json().scenarios.every((s: { createdBy: string }) => s.createdBy === ""),
      "token names stay with editors",
    ).toBe(true);
    const asEditor = await app.inject({ url: `/api/scenarios?chain=${p.chain}`, headers: bearer("editor") });
    expect(asEditor.json().scenarios[0].createdBy).toBe("test-editor");
  });
});

describe("the scenario resource", () => {
  it("is replaced by PUT, deleted by DELETE, and gone after (404)", async () => {
    const p = planted.find((x) => x.targets.length > 0)!;
    const t = p.targets[0]!;
    const body = { name: "初稿", chain: p.chain, region: p.region, changes: [{ kind: "add-firm", firm: t.best, segment: t.segment }] };
    const created = await createScenario(body);
    const id = created.json().id as string;
    const put = await app.inject({
      method: "PUT",
      url: `/api/scenarios/${id}`,
      headers: bearer("editor"),
      payload: { ...body, name: "定稿" },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ id, name: "定稿", createdAt: created.json().createdAt });
    expect((await app.inject({ url: `/api/scenarios/${id}`, headers: bearer("viewer") })).json().name).toBe("定稿");
    const deleted = await app.inject({ method: "DELETE", url: `/api/scenarios/${id}`, headers: bearer("editor") });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ id, deleted: true });
    expect((await app.inject({ url: `/api/scenarios/${id}`, headers: bearer("viewer") })).statusCode).toBe(404);
    const again = await app.inject({ method: "DELETE", url: `/api/scenarios/${id}`, headers: bearer("editor") });
    expect(again.statusCode).toBe(404);
  });
});

describe("resilience (韧性) of a planted county chain", () => {
  it("knocks out every local firm: a lone firm's segment goes missing, the single leader's loss opens 'no leader'", async () => {
    const p = planted.find((x) => x.leaders.kind === "single")!;
    const gaps = (await app.inject({ url: `/api/chains/${p.chain}/gaps?region=${p.region}`, headers: bearer("viewer") })).json();
    const res = await app.inject({ url: `/api/chains/${p.chain}/resilience?region=${p.region}`, headers: bearer("viewer") });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.localFirms).toBe(report.critical.length);
    expect(report.localFirms).toBeGreaterThan(0);
    const scores = report.critical.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const leader = report.critical.find((c: { firm: string }) => c.firm === p.leaders.firms[0]);
    expect(leader.leader).toBe(true);
    expect(leader.otherFindings).toContain("no-leader");
    const lone = (gaps.segments as { id: string; localFirms: number; firmIds: string[]; parent?: string }[]).filter(
      (s) => s.localFirms === 1,
    );
    for (const s of lone) {
      const knocked = report.critical.find((c: { firm: string }) => c.firm === s.firmIds[0]);
      expect(knocked?.segmentsLost, `${s.firmIds[0]} is the only firm in ${s.id}`).toContain(s.id);
    }
    const notLone = report.critical.filter((c: { segmentsLost: string[] }) => c.segmentsLost.length > 0);
    for (const c of notLone) for (const s of c.segmentsLost) expect(lone.map((x) => x.id)).toContain(s);
  });

  it("names a single source only where the local buyers of a flow have exactly one supplier in its upstream segment", async () => {
    const p = planted.find((x) => x.leaders.kind === "single")!;
    const report = (await app.inject({ url: `/api/chains/${p.chain}/resilience?region=${p.region}`, headers: bearer("viewer") })).json();
    const gaps = (await app.inject({ url: `/api/chains/${p.chain}/gaps?region=${p.region}`, headers: bearer("viewer") })).json();
    for (const flow of report.flows.slice(0, 12)) {
      const rows = await graph.runRaw(
        `MATCH (b:Firm)-[:IN_SEGMENT]->(:Segment)-[:SUB_SEGMENT_OF*0..3]->(:Segment {id: $to})
         WHERE EXISTS { MATCH (b)-[:LOCATED_IN]->(x:Region) WHERE x.id IN $local }
         MATCH (s:Firm)-[:SUPPLIES]->(b)
         WHERE EXISTS { MATCH (s)-[:IN_SEGMENT]->(:Segment)-[:SUB_SEGMENT_OF*0..3]->(:Segment {id: $from}) }
         RETURN count(DISTINCT s) AS suppliers`,
        { from: flow.from, to: flow.to, local: gaps.localRegionIds },
      );
      expect(flow.suppliers, `${flow.from}→${flow.to}`).toBe(rows[0]!.suppliers);
      expect(flow.singleSource !== null).toBe(rows[0]!.suppliers === 1);
    }
  });
});
