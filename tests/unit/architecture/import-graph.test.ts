import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The one rule of direction, checked on the import statements of every .ts file: no cycle between
 * top-level folders or between server/ subfolders, the web never imports server code, and model/
 * imports nothing but zod. A regex over `import … from "…"` / `export … from "…"` / `import("…")`
 * is enough: the project has no other way to import.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const SKIP = new Set(["node_modules", ".git", ".neo4j", "dist", "test-artifacts", "results"]);
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith(".")) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

interface ImportEdge {
  from: string; // file, relative to the root
  to: string; // resolved file for relative imports, the bare specifier otherwise
  bare: boolean;
}

function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, "utf8");
  const from = path.relative(ROOT, file);
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[1] ?? m[2] ?? m[3] ?? "";
    const bare = !spec.startsWith(".");
    return { from, to: bare ? spec : path.relative(ROOT, path.resolve(path.dirname(file), spec)), bare };
  });
}

const edges = tsFiles(ROOT).flatMap(importsOf);

/** Strongly connected components with more than one member: each one is a cycle. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found.sort((a, b) => a.join().localeCompare(b.join()));
}

/** A folder graph: `group` names a file's node (or null to leave it out); edges within one node are dropped. */
function folderGraph(group: (file: string) => string | null): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (edge.bare) continue;
    const a = group(edge.from);
    const b = group(edge.to);
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  return graph;
}

const topFolder = (file: string) => (file.includes(path.sep) ? file.split(path.sep)[0]! : null);
/** server/<sub>/… is its subfolder; a file directly in server/ is a node of its own. */
const serverPart = (file: string) => {
  const parts = file.split(path.sep);
  if (parts[0] !== "server" || parts.length < 2) return null;
  return parts.length === 2 ? parts[1]! : `${parts[1]}/`;
};

describe("the import graph", () => {
  it("finds the imports it checks (the regex still matches the code)", () => {
    expect(edges.some((e) => e.from === path.join("server", "app.ts") && e.to.startsWith(`server${path.sep}routes`))).toBe(true);
    expect(
      cycles(
        new Map([
          ["a", new Set(["b"])],
          ["b", new Set(["a"])],
        ]),
      ),
    ).toEqual([["a", "b"]]);
  });

  it("has no cycle between top-level folders", () => {
    expect(cycles(folderGraph(topFolder))).toEqual([]);
  });

  it("has no cycle between server/ subfolders", () => {
    expect(cycles(folderGraph(serverPart))).toEqual([]);
  });

  it("keeps server code out of the web app", () => {
    const wrong = edges.filter((e) => e.from.startsWith(`web${path.sep}`) && !e.bare && e.to.startsWith(`server${path.sep}`));
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it("keeps model/ free of dependencies but zod", () => {
    const model = edges.filter((e) => e.from.startsWith(`model${path.sep}`));
    expect(model.length).toBeGreaterThan(0);
    const wrong = model.filter((e) => (e.bare ? e.to !== "zod" : !e.to.startsWith(`model${path.sep}`)));
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });
});
