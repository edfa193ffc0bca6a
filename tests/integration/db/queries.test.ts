import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CYPHER_DIR, loadQueries, QUERY_NAMES } from "../../../server/db/queries.ts";
import { testGraph } from "../../helpers/graph.ts";

const graph = testGraph();
afterAll(() => graph.driver.close());

/** Parameters some queries need even to be planned (dynamic labels and types). */
const PLAN_PARAMS: Record<string, Record<string, unknown>> = {
  "merge-entities": { label: "Firm", rows: [] },
  "merge-relations": { type: "SUPPLIES", rows: [] },
  "create-synthetic-nodes": { label: "Firm", rows: [], provenance: {} },
  "create-synthetic-firms": { rows: [], provenance: {} },
  "create-synthetic-relations": { type: "SUPPLIES", rows: [], provenance: {} },
  "merge-import-entities": { label: "Firm", rows: [] },
  "merge-import-relations": { type: "SUPPLIES", rows: [] },
  "find-import-relations": { type: "SUPPLIES", rows: [], limit: 1 },
  "export-import-entities": { label: "Firm", prefix: "firm:", after: "", limit: 1 },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("cypher/ query files", () => {
  const queries = loadQueries();

  it.each(QUERY_NAMES)("%s plans against the real database (EXPLAIN)", async (name) => {
    await expect(graph.runRaw(`EXPLAIN ${queries[name]}`, PLAN_PARAMS[name] ?? {})).resolves.toBeDefined();
  });

  it("are exactly the files in cypher/ (no file without a name, no name without a file)", () => {
    const files = readdirSync(CYPHER_DIR)
      .filter((f) => f.endsWith(".cypher"))
      .map((f) => f.replace(/\.cypher$/, ""));
    expect(files.sort()).toEqual([...QUERY_NAMES].sort());
  });

  it("are each used somewhere in the code", () => {
    const root = path.join(CYPHER_DIR, "..");
    const code = ["server", "seeds", "bench"]
      .flatMap((dir) => {
        try {
          return sourceFiles(path.join(root, dir));
        } catch {
          return [];
        }
      })
      .filter((file) => !file.endsWith(path.join("db", "queries.ts")))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const unused = QUERY_NAMES.filter((name) => !code.includes(`"${name}"`));
    expect(unused, "query files never referenced by name").toEqual([]);
  });
});
