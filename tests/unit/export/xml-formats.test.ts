import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { writeGexf } from "../../../server/export/gexf.ts";
import { writeGraphml } from "../../../server/export/graphml.ts";
import { escapeXml } from "../../../server/export/xml.ts";
import { sampleElements } from "./sample.ts";

// htmlEntities decodes numeric references too (&#10; for a line break inside an attribute).
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ["key", "node", "edge", "data", "attribute", "attvalue", "attributes"].includes(name),
});
const TRICKY = sampleElements().nodes[0]?.data.description;
// biome-ignore lint/suspicious/noExplicitAny: parsed XML has no static type; the assertions check its shape
type Xml = Record<string, any>;

describe("GraphML export", () => {
  const xml = writeGraphml(sampleElements());
  const doc = parser.parse(xml) as Xml;

  it("is well-formed XML in the GraphML namespace with directed edges", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc.graphml["@xmlns"]).toBe("http://graphml.graphdrawing.org/xmlns");
    expect(doc.graphml.graph[0]?.["@edgedefault"] ?? doc.graphml.graph["@edgedefault"]).toBe("directed");
  });

  it("declares a <key> for every attribute it uses, and only uses declared keys", () => {
    const keys = new Map((doc.graphml.key as Xml[]).map((k) => [k["@id"], k]));
    const graph = doc.graphml.graph;
    const used = [...graph.node, ...graph.edge].flatMap((el: Xml) => (el.data ?? []).map((d: Xml) => d["@key"]));
    for (const key of used) expect(keys.has(key), `key ${key} declared`).toBe(true);
    const sizeKey = [...keys.values()].find((k) => k["@attr.name"] === "sizeYuan");
    expect(sizeKey?.["@attr.type"]).toBe("long");
    expect(sizeKey?.["@for"]).toBe("node");
  });

  it("keeps node and edge counts, ids and Chinese text", () => {
    const graph = doc.graphml.graph;
    expect(graph.node).toHaveLength(3);
    expect(graph.edge).toHaveLength(2);
    const labelKey = (doc.graphml.key as Xml[]).find((k) => k["@attr.name"] === "label" && k["@for"] === "node")?.["@id"];
    const nice = graph.node.find((n: Xml) => n["@id"] === "firm:nice-group");
    expect(nice.data.find((d: Xml) => d["@key"] === labelKey)["#text"]).toBe("纳爱斯集团");
    const descriptionKey = (doc.graphml.key as Xml[]).find((k) => k["@attr.name"] === "description")?.["@id"];
    expect(nice.data.find((d: Xml) => d["@key"] === descriptionKey)["#text"]).toBe(TRICKY);
    expect(graph.edge.find((e: Xml) => e["@source"] === "fund:health")["@target"]).toBe("firm:nice-group");
  });
});

describe("GEXF export", () => {
  const xml = writeGexf(sampleElements());
  const doc = parser.parse(xml) as Xml;

  it("is well-formed GEXF 1.3 with a directed static graph", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(doc.gexf["@version"]).toBe("1.3");
    expect(doc.gexf["@xmlns"]).toBe("http://gexf.net/1.3");
    expect(doc.gexf.graph["@defaultedgetype"]).toBe("directed");
  });

  it("declares every attribute value it writes, per class", () => {
    const declared = (cls: string) =>
      new Set((doc.gexf.graph.attributes as Xml[]).find((a) => a["@class"] === cls)?.attribute.map((a: Xml) => a["@id"]));
    const nodeIds = declared("node");
    const edgeIds = declared("edge");
    for (const node of doc.gexf.graph.nodes.node) for (const v of node.attvalues?.attvalue ?? []) expect(nodeIds.has(v["@for"])).toBe(true);
    for (const edge of doc.gexf.graph.edges.edge) for (const v of edge.attvalues?.attvalue ?? []) expect(edgeIds.has(v["@for"])).toBe(true);
  });

  it("keeps counts, Chinese labels and the text of tricky attributes", () => {
    const nodes = doc.gexf.graph.nodes.node as Xml[];
    expect(nodes).toHaveLength(3);
    expect(doc.gexf.graph.edges.edge).toHaveLength(2);
    const nice = nodes.find((n) => n["@id"] === "firm:nice-group")!;
    expect(nice["@label"]).toBe("纳爱斯集团");
    const descriptionId = (doc.gexf.graph.attributes as Xml[])
      .find((a) => a["@class"] === "node")
      ?.attribute.find((a: Xml) => a["@title"] === "description")["@id"];
    const description = nice.attvalues.attvalue.find((v: Xml) => v["@for"] === descriptionId)["@value"];
    expect(description).toBe(TRICKY);
  });
});

describe("escapeXml", () => {
  it("escapes markup and drops characters XML cannot hold", () => {
    expect(escapeXml(`a<b>&"c'\u0001`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
  });
});
