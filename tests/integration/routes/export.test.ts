import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../server/app.ts";
import type { Graph } from "../../../server/db/graph.ts";
import { bearer, testSecurity } from "../../helpers/auth.ts";
import { testApp, testGraph } from "../../helpers/graph.ts";
import { type Xml, xmlParser } from "../../helpers/xml.ts";
import { exploreFixture } from "./explore-fixture.ts";

const fixture = exploreFixture("t-export");
const { ids } = fixture;
/** Text that breaks naive writers: comma, quotes, a line break, an apostrophe, a backslash, markup. */
const TRICKY = '原料, "特级"\n第二行 it\'s \\ <b>&</b>';
const SELECTION = [ids.a, ids.b, ids.c, ids.d, ids.fund, ids.leader, ids.chain, ids.district];
// a→b, b→c, a→d, d→c, fund→a, leader LEADS chain, leader LOCATED_IN district, district DEVELOPS chain
const EDGES_AMONG = 8;

let app: App;
let graph: Graph;
beforeAll(async () => {
  graph = testGraph();
  await fixture.create(graph);
  await graph.runRaw("MATCH (n:Entity {id: $id}) SET n.description = $text", { id: ids.b, text: TRICKY });
  app = await testApp();
});
afterAll(async () => {
  await fixture.remove(graph);
  await graph.driver.close();
  await app.close();
});

async function exportAs(format: string, body: unknown = { nodeIds: SELECTION }, extra = "") {
  return app.inject({ method: "POST", url: `/api/export?format=${format}${extra}`, payload: body as Record<string, unknown> });
}
const xml = xmlParser(["key", "node", "edge", "data", "attribute", "attvalue", "attributes"]);

describe("POST /api/export", () => {
  it("json: the elements of the selection and every edge among them, as a download", async () => {
    const res = await exportAs("json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="chain-atlas-subgraph.json"; filename*=UTF-8''chain-atlas-subgraph.json`,
    );
    const { elements } = JSON.parse(res.body);
    expect(elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual([...SELECTION].sort());
    expect(elements.edges).toHaveLength(EDGES_AMONG);
    expect(elements.nodes.find((n: { data: { id: string } }) => n.data.id === ids.b).data.description).toBe(TRICKY);
  });

  it("json: only the listed edges when edgeIds is given", async () => {
    const edgeIds = [`${ids.a}|SUPPLIES|${ids.b}`, `${ids.leader}|LEADS|${ids.chain}|${ids.district}`];
    const { elements } = JSON.parse((await exportAs("json", { nodeIds: SELECTION, edgeIds })).body);
    expect(elements.nodes).toHaveLength(SELECTION.length);
    expect(elements.edges.map((e: { data: { id: string } }) => e.data.id).sort()).toEqual(edgeIds.sort());
  });

  it("csv: UTF-8 with BOM, one row per node (or edge), Chinese, commas, quotes and line breaks intact", async () => {
    const res = await exportAs("csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const nodes = parse(res.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(nodes[0] ?? {}).slice(0, 4)).toEqual(["id", "type", "label", "nameEn"]);
    expect(Object.keys(nodes[0] ?? {})).toContain("sources");
    expect(nodes).toHaveLength(SELECTION.length);
    expect(nodes.find((r) => r.id === ids.b)?.description).toBe(TRICKY);
    expect(nodes.find((r) => r.id === ids.leader)).toMatchObject({
      label: "探索链主集团",
      tags: "龙头; 规上",
      sources: `${ids.doc}: 关于探索链主集团的记载。`,
    });

    const edges = parse((await exportAs("csv", undefined, "&table=edges")).rawPayload, { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(edges).toHaveLength(EDGES_AMONG);
    expect(edges.find((r) => r.source === ids.a && r.target === ids.b)?.product).toBe('原料, "特级"');
  });

  it("xlsx: sheets Nodes and Edges that read back with exceljs", async () => {
    const res = await exportAs("xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toContain('filename="chain-atlas-subgraph.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const nodes = workbook.getWorksheet("Nodes")!;
    const edges = workbook.getWorksheet("Edges")!;
    expect(nodes.rowCount).toBe(1 + SELECTION.length);
    expect(edges.rowCount).toBe(1 + EDGES_AMONG);
    expect(nodes.getRow(1).font?.bold).toBe(true);
    expect(nodes.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = (nodes.getRow(1).values as unknown[]).slice(1);
    const labels = nodes.getColumn(header.indexOf("label") + 1).values.slice(2);
    expect(labels).toContain("探索链主集团");
    const fund = nodes.getColumn(header.indexOf("sizeYuan") + 1).values.find((v) => typeof v === "number");
    expect(fund).toBe(1_000_000_000);
  });

  it("graphml: well-formed, keys declared, directed, counts and Chinese labels intact", async () => {
    const res = await exportAs("graphml");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/graphml\+xml/);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const doc = xml.parse(res.body) as Xml;
    const graph = doc.graphml.graph;
    expect(graph["@edgedefault"]).toBe("directed");
    expect(graph.node).toHaveLength(SELECTION.length);
    expect(graph.edge).toHaveLength(EDGES_AMONG);
    const keys = doc.graphml.key as Xml[];
    const labelKey = keys.find((k) => k["@for"] === "node" && k["@attr.name"] === "label")?.["@id"];
    const leader = graph.node.find((n: Xml) => n["@id"] === ids.leader);
    expect(leader.data.find((d: Xml) => d["@key"] === labelKey)["#text"]).toBe("探索链主集团");
    const declared = new Set(keys.map((k) => k["@id"]));
    for (const el of [...graph.node, ...graph.edge]) for (const d of el.data ?? []) expect(declared.has(d["@key"])).toBe(true);
  });

  it("gexf: well-formed GEXF 1.3 with attributes declared, counts and Chinese labels intact", async () => {
    const res = await exportAs("gexf");
    expect(res.statusCode).toBe(200);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const doc = xml.parse(res.body) as Xml;
    expect(doc.gexf["@version"]).toBe("1.3");
    const nodes = doc.gexf.graph.nodes.node as Xml[];
    expect(nodes).toHaveLength(SELECTION.length);
    expect(doc.gexf.graph.edges.edge).toHaveLength(EDGES_AMONG);
    expect(nodes.find((n) => n["@id"] === ids.b)?.["@label"]).toBe("探索供应商B");
    const nodeAttributes = (doc.gexf.graph.attributes as Xml[]).find((a) => a["@class"] === "node")?.attribute as Xml[];
    const descriptionId = nodeAttributes.find((a) => a["@title"] === "description")?.["@id"];
    const b = nodes.find((n) => n["@id"] === ids.b)!;
    expect(b.attvalues.attvalue.find((v: Xml) => v["@for"] === descriptionId)["@value"]).toBe(TRICKY);
  });

  it("cypher: the script recreates the same subgraph in Neo4j", async () => {
    const before = JSON.parse((await exportAs("json")).body);
    const res = await exportAs("cypher");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain('filename="chain-atlas-subgraph.cypher"');
    const statements = res.body.split("\n").filter((line) => line.trim() && !line.startsWith("//"));
    expect(statements.length).toBe(1 + SELECTION.length + EDGES_AMONG);

    await fixture.remove(graph);
    const gone = await graph.runRaw("MATCH (n:Entity) WHERE n.id IN $ids RETURN count(n) AS n", { ids: SELECTION });
    expect(gone[0]?.n).toBe(0);
    for (const statement of statements) await graph.runRaw(statement);

    const counts = await graph.runRaw(
      "MATCH (n:Entity) WHERE n.id IN $ids WITH collect(n) AS ns RETURN size(ns) AS nodes, COUNT { MATCH (a)-[r]->(b) WHERE a IN ns AND b IN ns } AS rels",
      { ids: SELECTION },
    );
    expect(counts[0]).toEqual({ nodes: SELECTION.length, rels: EDGES_AMONG });
    const after = JSON.parse((await exportAs("json")).body);
    const byId = (list: { data: { id: string } }[]) => [...list].sort((x, y) => x.data.id.localeCompare(y.data.id));
    expect(byId(after.elements.nodes)).toEqual(byId(before.elements.nodes));
    expect(byId(after.elements.edges)).toEqual(byId(before.elements.edges));

    // Running it twice changes nothing (MERGE on ids and keys).
    for (const statement of statements) await graph.runRaw(statement);
    const again = await graph.runRaw(
      "MATCH (n:Entity) WHERE n.id IN $ids WITH collect(n) AS ns RETURN size(ns) AS nodes, COUNT { MATCH (a)-[r]->(b) WHERE a IN ns AND b IN ns } AS rels",
      { ids: SELECTION },
    );
    expect(again[0]).toEqual({ nodes: SELECTION.length, rels: EDGES_AMONG });
    await fixture.create(graph);
    await graph.runRaw("MATCH (n:Entity {id: $id}) SET n.description = $text", { id: ids.b, text: TRICKY });
  });

  it("is 404 naming unknown node ids", async () => {
    const res = await exportAs("json", { nodeIds: [ids.a, "firm:t-export-nobody"] });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain("firm:t-export-nobody");
  });

  it.each([
    ["format=pdf", { nodeIds: ["firm:x"] }, "format"],
    ["format=csv&table=rows", { nodeIds: ["firm:x"] }, "table"],
    ["format=json", { nodeIds: [] }, "nodeIds"],
    ["format=json", { nodeIds: ["not an id"] }, "nodeIds"],
    ["format=json", { nodeIds: Array.from({ length: 20_001 }, (_, i) => `firm:n-${i}`) }, "nodeIds"],
    ["format=json", { nodeIds: ["firm:x"], edgeIds: "all" }, "edgeIds"],
    ["format=json", {}, "nodeIds"],
  ])("%s with a bad body or query → 400 naming %s", async (query, body, field) => {
    const res = await app.inject({ method: "POST", url: `/api/export?${query}`, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
  });

  it("lets a viewer export when reads need a token (a read carried in a body)", async () => {
    const closed = await testApp({ security: testSecurity({ readsOpen: false }) });
    try {
      const anonymous = await closed.inject({ method: "POST", url: "/api/export?format=json", payload: { nodeIds: [ids.a] } });
      expect(anonymous.statusCode).toBe(401);
      const viewer = await closed.inject({
        method: "POST",
        url: "/api/export?format=json",
        payload: { nodeIds: [ids.a] },
        headers: bearer("viewer"),
      });
      expect(viewer.statusCode).toBe(200);
    } finally {
      await closed.close();
    }
  });
});

describe("OpenAPI", () => {
  it("documents every explore route with a tag, a summary and responses for each status", async () => {
    const spec = (await app.inject({ url: "/openapi.json" })).json();
    const routes: [string, string][] = [
      ["/api/search", "get"],
      ["/api/nodes/{id}", "get"],
      ["/api/nodes/{id}/neighbors", "get"],
      ["/api/paths", "get"],
      ["/api/regions", "get"],
      ["/api/chains", "get"],
      ["/api/chains/{id}", "get"],
      ["/api/documents", "get"],
      ["/api/export", "post"],
    ];
    for (const [path, method] of routes) {
      const operation = spec.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.tags).toEqual(["explore"]);
      expect(operation.summary).toBeTruthy();
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["200", "400", "404", "503"]));
    }
    expect(spec.paths["/api/export"].post.requestBody).toBeDefined();
    expect(spec.paths["/api/search"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["q", "types", "limit"]),
    );
  });
});
