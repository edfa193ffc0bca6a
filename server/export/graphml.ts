import type { Elements } from "../../model/api/elements.ts";
import { type Cell, columnType, edgeTable, nodeTable, type Table } from "./table.ts";
import { escapeXml } from "./xml.ts";

const GRAPHML_TYPE = { boolean: "boolean", long: "long", double: "double", string: "string" } as const;

function keys(table: Table, domain: "node" | "edge", prefix: string, skip: string[]): string[] {
  return table.columns.flatMap((column, i) =>
    skip.includes(column)
      ? []
      : [`  <key id="${prefix}${i}" for="${domain}" attr.name="${escapeXml(column)}" attr.type="${GRAPHML_TYPE[columnType(table, i)]}"/>`],
  );
}

function data(table: Table, row: Cell[], prefix: string, skip: string[]): string {
  return table.columns
    .map((column, i) => {
      const value = row[i];
      if (skip.includes(column) || value === null || value === undefined) return "";
      return `<data key="${prefix}${i}">${escapeXml(String(value))}</data>`;
    })
    .join("");
}

/**
 * GraphML (http://graphml.graphdrawing.org/) with a <key> per attribute and directed edges;
 * Gephi, yEd, Cytoscape desktop and NetworkX read it. Ids travel as node/edge ids, the rest as data.
 */
export function writeGraphml(elements: Elements): string {
  const nodes = nodeTable(elements);
  const edges = edgeTable(elements);
  const nodeSkip = ["id"];
  const edgeSkip = ["id", "source", "target"];
  const col = (table: Table, name: string) => table.columns.indexOf(name);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...keys(nodes, "node", "n", nodeSkip),
    ...keys(edges, "edge", "e", edgeSkip),
    `  <graph id="chain-atlas" edgedefault="directed">`,
    ...nodes.rows.map((row) => `    <node id="${escapeXml(String(row[col(nodes, "id")]))}">${data(nodes, row, "n", nodeSkip)}</node>`),
    ...edges.rows.map(
      (row) =>
        `    <edge id="${escapeXml(String(row[col(edges, "id")]))}" source="${escapeXml(String(row[col(edges, "source")]))}" target="${escapeXml(String(row[col(edges, "target")]))}">${data(edges, row, "e", edgeSkip)}</edge>`,
    ),
    `  </graph>`,
    `</graphml>`,
    ``,
  ].join("\n");
}
