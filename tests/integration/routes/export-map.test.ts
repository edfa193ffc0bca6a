import { parse } from "csv-parse/sync";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import { exportRequest, gapStatuses } from "../../../web/src/export/exporters.ts";
import { testApp } from "../../helpers/graph.ts";

/**
 * The chain map of 莲都区 × 美丽健康 exported the way the map's export menu asks for it (the map's
 * node ids, its drawn edges, the gap statuses it shows) and read back like Gephi or yEd would: every
 * firm names its segment, sub-segments name their parent, gaps keep 缺链/弱链/断链, and the
 * firm→segment ties are edges in the file — so the map can be rebuilt from the file alone.
 */
let app: App;
let request: ReturnType<typeof exportRequest>;
let mapNodes: Record<string, unknown>[];

beforeAll(async () => {
  app = await testApp();
  const res = await app.inject({ method: "GET", url: "/api/chains/chain:beauty-health/map?region=region:lianzhou" });
  expect(res.statusCode).toBe(200);
  const map = res.json() as { elements: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] } };
  mapNodes = map.elements.nodes.map((n) => n.data);
  const edges = map.elements.edges.map((e) => e.data);
  request = exportRequest(
    "graphml",
    { nodeIds: mapNodes.map((n) => String(n.id)), edgeIds: edges.map((e) => String(e.id)) },
    { gaps: gapStatuses([...mapNodes, ...edges]) },
  );
});

afterAll(async () => {
  await app.close();
});

async function exportAs(query: string) {
  const res = await app.inject({ method: "POST", url: `/api/export?${query}`, payload: request.body });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["key", "node", "edge", "data", "attribute", "attvalue"].includes(name),
});

const firmIds = () => mapNodes.filter((n) => n.type === "firm").map((n) => String(n.id));

describe("chain map exports keep the map", () => {
  it("the map shows gaps to keep (a precondition of the other tests)", () => {
    const gaps = Object.values(request.body.gaps ?? {});
    expect(gaps).toContain("missing");
    expect(gaps).toContain("thin");
    expect(firmIds().length).toBeGreaterThan(3);
  });

  it("GraphML: firms carry their segments, sub-segments their parent, segments their gap status; IN_SEGMENT edges are there", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: parsed XML has no static type; the assertions check its shape
    const doc: any = xml.parse((await exportAs("format=graphml")).body);
    const keyName = new Map<string, string>(doc.graphml.key.map((k: Record<string, string>) => [k["@id"], k["@attr.name"]]));
    const nodes = new Map<string, Record<string, string>>(
      doc.graphml.graph.node.map((n: { "@id": string; data?: { "@key": string; "#text": string }[] }) => [
        n["@id"],
        Object.fromEntries((n.data ?? []).map((d) => [keyName.get(d["@key"]), String(d["#text"])])),
      ]),
    );
    for (const firm of firmIds()) {
      const segments = nodes.get(firm)?.segments;
      expect(segments, `${firm} names its segment`).toBeTruthy();
      for (const segment of String(segments).split("; "))
        expect(nodes.has(segment), `${firm}'s segment ${segment} is in the file`).toBe(true);
    }
    const subSegments = [...nodes.values()].filter((n) => n.parentSegment);
    expect(subSegments.length).toBeGreaterThan(0);
    for (const sub of subSegments) expect(nodes.has(sub.parentSegment as string)).toBe(true);
    const statuses = [...nodes.values()].map((n) => n.gapStatus).filter(Boolean);
    expect(statuses).toContain("missing");
    expect(statuses).toContain("thin");
    const edgeTypes = new Set(
      doc.graphml.graph.edge.flatMap((e: { data?: { "@key": string; "#text": string }[] }) =>
        (e.data ?? []).filter((d) => keyName.get(d["@key"]) === "type").map((d) => d["#text"]),
      ),
    );
    expect(edgeTypes.has("IN_SEGMENT")).toBe(true);
    expect(edgeTypes.has("SUB_SEGMENT_OF")).toBe(true);
  });

  it("GEXF: the same attributes, declared for Gephi", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: parsed XML has no static type; the assertions check its shape
    const doc: any = xml.parse((await exportAs("format=gexf")).body);
    const titles = doc.gexf.graph.attributes[0].attribute.map((a: Record<string, string>) => a["@title"]);
    for (const name of ["segments", "parentSegment", "gapStatus"]) expect(titles).toContain(name);
  });

  it("JSON: nodes hold segments and gapStatus; broken flows are marked on their edges", async () => {
    const doc = (await exportAs("format=json")).json() as {
      elements?: { nodes: { data: Record<string, unknown> }[]; edges: { data: Record<string, unknown> }[] };
      nodes?: { data: Record<string, unknown> }[];
      edges?: { data: Record<string, unknown> }[];
    };
    const elements = doc.elements ?? { nodes: doc.nodes ?? [], edges: doc.edges ?? [] };
    const firm = elements.nodes.find((n) => n.data.id === firmIds()[0]);
    expect(firm?.data.segments).toBeInstanceOf(Array);
    const brokenOnMap = Object.entries(request.body.gaps ?? {}).filter(([, status]) => status === "broken");
    const brokenInFile = elements.edges.filter((e) => e.data.gapStatus === "broken");
    expect(brokenInFile.length).toBe(brokenOnMap.length);
  });

  it("CSV in Chinese: Chinese headers, and each firm row names its segment", async () => {
    const zh = exportRequest("csv-nodes", { nodeIds: request.body.nodeIds, edgeIds: [] }, { lang: "zh" });
    expect(zh.url).toContain("lang=zh");
    const res = await exportAs(zh.url.split("?")[1] ?? "");
    const rows = parse(res.body.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(["编号", "类型", "名称", "所在环节", "缺口状态"]));
    const firmRow = rows.find((r) => r.编号 === firmIds()[0]);
    expect(firmRow?.所在环节).toMatch(/^segment:/);
  });
});
