import type { EdgeData, Elements, NodeData } from "../../model/api/elements.ts";
import { ENTITY_LABELS, RELATIONSHIP_TYPES } from "../../model/domain.ts";
import { nameInitials } from "../search/name-initials.ts";

/**
 * A Cypher script that recreates the subgraph in another Neo4j: one parameter-free statement
 * per line (cypher-shell, Neo4j Browser with multi-statement editing), MERGE on ids so a
 * re-run changes nothing. Every value is a literal escaped here; labels and relationship
 * types come only from the allow-lists in model/domain.ts, and property keys are backquoted.
 */

// Control characters travel as escapes so every statement stays on one line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g;
const SHORT_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

export function cypherString(value: string): string {
  const escaped = value
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "\\'")
    .replace(CONTROL, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return `'${escaped}'`;
}

export function cypherName(name: string): string {
  return `\`${name.replace(/`/g, "``")}\``;
}

function cypherNumber(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  // Cypher's float literal has no '+' in the exponent (1e21, not 1e+21).
  return String(value).replace("e+", "e");
}

/** A literal for a property value Neo4j can store, or null for one it cannot (left out). */
export function cypherValue(value: unknown): string | null {
  if (typeof value === "string") return cypherString(value);
  if (typeof value === "number") return cypherNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value) && value.length === 0) return "[]";
  if (Array.isArray(value)) {
    const kinds = new Set(value.map((v) => typeof v));
    if (kinds.size !== 1 || !["string", "number", "boolean"].includes([...kinds][0] ?? "")) return null;
    const items = value.map(cypherValue);
    return items.includes(null) ? null : `[${items.join(", ")}]`;
  }
  return null;
}

function propertyMap(props: Record<string, unknown>): string {
  const entries = Object.entries(props).flatMap(([key, value]) => {
    const literal = cypherValue(value);
    return literal === null ? [] : [`${cypherName(key)}: ${literal}`];
  });
  return `{${entries.join(", ")}}`;
}

/** Element data back to stored properties: citations as the two parallel lists, display-only fields dropped. */
function provenance(sources: { doc: string; quote: string }[]) {
  return sources.length === 0 ? {} : { sourceDocs: sources.map((s) => s.doc), sourceQuotes: sources.map((s) => s.quote) };
}

function nodeProperties(data: NodeData): Record<string, unknown> {
  const { id: _id, type: _type, label, sources, ...rest } = data;
  const aliases = Array.isArray(rest.aliases) ? (rest.aliases as string[]) : [];
  return { name: label, ...rest, ...provenance(sources), aliasesText: aliases.join(" "), nameInitials: nameInitials(label, aliases) };
}

function edgeProperties(data: EdgeData): Record<string, unknown> {
  const { id, source: _s, target: _t, type: _type, sources, ...rest } = data;
  // The edge id is from|TYPE|to[|key], and the key itself may hold '|' (region|period).
  const key = id.split("|").slice(3).join("|");
  return { ...rest, ...provenance(sources), key };
}

function labelOf(type: string): string | undefined {
  return ENTITY_LABELS.find((label) => label.toLowerCase() === type);
}

function nodeStatement(data: NodeData): string {
  const label = labelOf(data.type);
  const setLabel = label ? ` SET n:${cypherName(label)}` : "";
  return `MERGE (n:Entity {id: ${cypherString(data.id)}})${setLabel} SET n += ${propertyMap(nodeProperties(data))};`;
}

function edgeStatement(data: EdgeData): string | null {
  if (!(RELATIONSHIP_TYPES as string[]).includes(data.type)) return null;
  const props = edgeProperties(data);
  return (
    `MATCH (a:Entity {id: ${cypherString(data.source)}}) MATCH (b:Entity {id: ${cypherString(data.target)}}) ` +
    `MERGE (a)-[r:${cypherName(data.type)} {key: ${cypherString(String(props.key))}}]->(b) SET r += ${propertyMap(props)};`
  );
}

export function writeCypher(elements: Elements): string {
  const edges = elements.edges.map((e) => edgeStatement(e.data)).filter((s): s is string => s !== null);
  return [
    `// Chain Atlas 产业链图谱 subgraph: ${elements.nodes.length} nodes, ${edges.length} relationships.`,
    "// One statement per line, no parameters; MERGE on ids, so running it twice changes nothing.",
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
    ...elements.nodes.map((n) => nodeStatement(n.data)),
    ...edges,
    "",
  ].join("\n");
}
