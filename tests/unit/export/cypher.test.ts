import { describe, expect, it } from "vitest";
import { cypherName, cypherString, cypherValue, writeCypher } from "../../../server/export/cypher.ts";
import { sampleElements } from "./sample.ts";

describe("Cypher script export", () => {
  it("escapes string literals so no value can end the string or the statement", () => {
    expect(cypherString("it's")).toBe("'it\\'s'");
    expect(cypherString("a\\b")).toBe("'a\\\\b'");
    expect(cypherString("一\n二\r\t")).toBe("'一\\n二\\r\\t'");
    expect(cypherString("\u0001")).toBe("'\\u0001'");
    expect(cypherString("'}) DETACH DELETE n //")).toBe("'\\'}) DETACH DELETE n //'");
  });

  it("backquotes names and doubles backquotes inside them", () => {
    expect(cypherName("name")).toBe("`name`");
    expect(cypherName("a`b")).toBe("`a``b`");
  });

  it("writes numbers, booleans and homogeneous lists as literals and leaves out what Neo4j cannot store", () => {
    expect(cypherValue(1e21)).toBe("1e21");
    expect(cypherValue(12.5)).toBe("12.5");
    expect(cypherValue(true)).toBe("true");
    expect(cypherValue(["a", "b"])).toBe("['a', 'b']");
    expect(cypherValue([])).toBe("[]");
    expect(cypherValue([1, "a"])).toBeNull();
    expect(cypherValue({ nested: 1 })).toBeNull();
    expect(cypherValue(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("writes one MERGE per node and relationship, one statement per line, without parameters", () => {
    const script = writeCypher(sampleElements());
    const statements = script.split("\n").filter((line) => line && !line.startsWith("//"));
    expect(statements).toHaveLength(1 + 3 + 2);
    for (const statement of statements) expect(statement.endsWith(";")).toBe(true);
    expect(script).not.toMatch(/\$[a-zA-Z]/);
    expect(script).toContain("MERGE (n:Entity {id: 'firm:nice-group'}) SET n:`Firm`");
    expect(script).toContain("`sourceDocs`: ['doc:lianzhou-2024']");
    expect(script).toContain("`aliasesText`: '纳爱斯'");
  });

  it("gives relationships back their key (which may itself hold '|')", () => {
    const script = writeCypher(sampleElements());
    expect(script).toContain("MERGE (a)-[r:`LOCATED_IN` {key: 'region:lianzhou|2024'}]->(b)");
    expect(script).toContain("MERGE (a)-[r:`INVESTS_IN` {key: ''}]->(b)");
  });

  it("takes labels and relationship types only from the allow-lists", () => {
    const elements = sampleElements();
    elements.nodes.push({ data: { id: "x:evil", type: "evil`) DETACH DELETE n //", label: "x", sources: [] } });
    elements.edges.push({
      data: { id: "a|EVIL|b", source: "firm:nice-group", target: "fund:health", type: "EVIL]->() DELETE a //", sources: [] },
    });
    const script = writeCypher(elements);
    expect(script).toContain("MERGE (n:Entity {id: 'x:evil'}) SET n += ");
    expect(script).not.toContain("EVIL");
    expect(script).not.toContain("SET n:`evil");
  });
});
