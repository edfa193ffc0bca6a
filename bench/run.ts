import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseBenchArgs } from "./cli-options.ts";
import { markdownReport } from "./report.ts";
import { runBench } from "./run-bench.ts";

// npm run bench: the options are in bench/cli-options.ts.
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS_DIR = path.join(ROOT, "bench", "results");
const DOCS = path.join(ROOT, "docs", "benchmarks.md");
const MARK_START = "<!-- bench:latest:start -->";
const MARK_END = "<!-- bench:latest:end -->";

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

const options = parseBenchArgs(process.argv.slice(2));
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
