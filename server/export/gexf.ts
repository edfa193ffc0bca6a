import type { Elements } from "../../model/api/elements.ts";
import { type Cell, columnType, edgeTable, nodeTable, type Table } from "./table.ts";
import { escapeXml } from "./xml.ts";

const GEXF_TYPE = { boolean: "boolean", long: "long", double: "double", string: "string" } as const;

function attributeDeclarations(table: Table, domain: "node" | "edge", skip: string[]): string[] {
  return [
    `    <attributes class="${domain}" mode="static">`,
    ...table.columns.flatMap((column, i) =>
      skip.includes(column) ? [] : [`      <attribute id="${i}" title="${escapeXml(column)}" type="${GEXF_TYPE[columnType(table, i)]}"/>`],
    ),
    `    </attributes>`,
  ];
}

function attvalues(table: Table, row: Cell[], skip: string[]): string {
  const values = table.columns.flatMap((column, i) => {
    const value = row[i];
    if (skip.includes(column) || value === null || value === undefined) return [];
    return [`<attvalue for="${i}" value="${escapeXml(String(value))}"/>`];
  });
  return values.length === 0 ? "" : `<attvalues>${values.join("")}</attvalues>`;
}

/**
 * GEXF 1.3 (https://gexf.net/), Gephi's own format: directed static graph, every attribute
 * declared with its type, node labels from `label`, edge labels the relationship type.
 */
export function writeGexf(elements: Elements): string {
  const nodes = nodeTable(elements);
  const edges = edgeTable(elements);
  const nodeSkip = ["id", "label"];
  const edgeSkip = ["id", "source", "target"];
  const get = (table: Table, row: Cell[], name: string) => escapeXml(String(row[table.columns.indexOf(name)] ?? ""));
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`,
    `  <meta><creator>Chain Atlas</creator><description>产业链图谱 subgraph / Chain Atlas subgraph</description></meta>`,
    `  <graph defaultedgetype="directed" mode="static">`,
    ...attributeDeclarations(nodes, "node", nodeSkip),
    ...attributeDeclarations(edges, "edge", edgeSkip),
    `    <nodes>`,
    ...nodes.rows.map(
      (row) => `      <node id="${get(nodes, row, "id")}" label="${get(nodes, row, "label")}">${attvalues(nodes, row, nodeSkip)}</node>`,
    ),
    `    </nodes>`,
    `    <edges>`,
    ...edges.rows.map(
      (row) =>
        `      <edge id="${get(edges, row, "id")}" source="${get(edges, row, "source")}" target="${get(edges, row, "target")}" label="${get(edges, row, "type")}">${attvalues(edges, row, edgeSkip)}</edge>`,
    ),
    `    </edges>`,
    `  </graph>`,
    `</gexf>`,
    ``,
  ].join("\n");
}
