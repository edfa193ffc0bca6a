import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { markdownReport } from "./report.ts";
import { runBench } from "./run-bench.ts";

// npm run bench [-- --quick] [-- --sizes 100000,1000000] [-- --seed 42] [-- --no-render]
//   [-- --reuse]  with NEO4J_URI: keep the synthetic graph afterwards and reuse it when it holds this size
//   [-- --only gaps,targets]  only these query measures (the docs are then not rewritten)
//   [-- --offline]  also the offline bulk path (CSV + neo4j-admin import) at each size, in a Neo4j of its own
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS_DIR = path.join(ROOT, "bench", "results");
const DOCS = path.join(ROOT, "docs", "benchmarks.md");
const MARK_START = "<!-- bench:latest:start -->";
const MARK_END = "<!-- bench:latest:end -->";

const argsSchema = z.object({
  quick: z.boolean(),
  sizes: z.array(z.number().int().min(2000).max(5_000_000)).min(1),
  seed: z.number().int().min(0),
  render: z.boolean(),
  reuse: z.boolean(),
  only: z.array(z.string().min(1)).optional(),
  offline: z.boolean(),
});

function parseArgs(argv: string[]) {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes("--quick");
  return argsSchema.parse({
    quick,
    sizes: (get("--sizes") ?? (quick ? "3000" : "100000,1000000")).split(",").map(Number),
    seed: Number(get("--seed") ?? 42),
    render: !argv.includes("--no-render"),
    reuse: argv.includes("--reuse"),
    only: get("--only")?.split(","),
    offline: argv.includes("--offline"),
  });
}

/** Replaces the generated block in docs/benchmarks.md, keeping the hand-written analysis around it. */
async function updateDocs(markdown: string) {
  const current = await readFile(DOCS, "utf8").catch(() => `# Benchmarks\n\n${MARK_START}\n${MARK_END}\n`);
  const start = current.indexOf(MARK_START);
  const end = current.indexOf(MARK_END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start + MARK_START.length)}\n${markdown}\n${current.slice(end)}`
      : `${current}\n${MARK_START}\n${markdown}\n${MARK_END}\n`;
  await writeFile(DOCS, next);
}

const options = parseArgs(process.argv.slice(2));
const results = await runBench({ ...options, log: (line) => console.log(line) });
const markdown = markdownReport(results);
const stamp = results.date.replace(/[:]/g, "-").replace(/\..+$/, "");
const name = `${stamp}${options.quick ? "-quick" : ""}`;
await mkdir(RESULTS_DIR, { recursive: true });
await writeFile(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(path.join(RESULTS_DIR, `${name}.md`), `${markdown}\n`);
if (!options.quick && !options.only) await updateDocs(markdown);
console.log(`\n${markdown}`);
console.log(`Results: bench/results/${name}.json${options.quick ? "" : " (and docs/benchmarks.md)"}`);
process.exit(0);
