import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firmNode, firmPlaces } from "../../../seeds/synthetic/firms.ts";
import { buildPlan } from "../../../seeds/synthetic/plan.ts";
import { CYPHER_DIR } from "../../../server/db/queries.ts";
import { FIRM_COLUMNS, firmRowValues, relRowValues } from "../../../server/seed/positional-rows.ts";

const firmQuery = readFileSync(path.join(CYPHER_DIR, "create-synthetic-firms.cypher"), "utf8");

describe("firms and relationships written as lists", () => {
  it("the firm query sets each column of FIRM_COLUMNS from its position, and nothing else from the row", () => {
    const assignments = [...firmQuery.matchAll(/n\.(\w+) = row\[(\d+)\]/g)].map(([, key, index]) => [key, Number(index)]);
    expect(assignments).toEqual(FIRM_COLUMNS.map((key, index) => [key, index]));
    expect(firmQuery.match(/row\[/g)).toHaveLength(FIRM_COLUMNS.length);
  });

  it("every property the generator gives a firm has a column, and a list holds exactly the firm's values", () => {
    const plan = buildPlan(42, 5_000);
    let withScope = 0;
    for (const place of firmPlaces(plan, 0, plan.firms)) {
      const row = firmNode(plan, place);
      const values = firmRowValues(row);
      expect(values).toHaveLength(FIRM_COLUMNS.length);
      const back = Object.fromEntries(FIRM_COLUMNS.map((key, i) => [key, values[i]]).filter(([, value]) => value !== null));
      expect(back).toEqual(row.props);
      if (row.props.marketScope !== undefined) withScope += 1;
    }
    // The optional column is exercised both ways.
    expect(withScope).toBeGreaterThan(0);
    expect(withScope).toBeLessThan(plan.firms);
  });

  it("refuses a firm property without a column rather than dropping it silently", () => {
    expect(() => firmRowValues({ id: "firm:syn-1", props: { id: "firm:syn-1", founded: 2001 } })).toThrow(/founded/);
  });

  it("a relationship row is [from, to, key, props]", () => {
    expect(relRowValues({ from: "a", to: "b", key: "k", props: { period: "2025" } })).toEqual(["a", "b", "k", { period: "2025" }]);
  });
});
