import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildPlan } from "../seeds/synthetic/plan.ts";
import { measureAppRender, renderRegions } from "./render-app.ts";

// NEO4J_URI=… NEO4J_PASSWORD=… tsx bench/render-app-cli.ts --firms 1000000 [--seed 42]
// The app's own chain map for regions with about 500 / 2,000 / 5,000 local firms in the chain, on a
// database already holding that synthetic size (read only); figures into bench/results/.
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (flag: string, fallback: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const firms = Number(arg("--firms", "1000000"));
const seed = Number(arg("--seed", "42"));
if (!process.env.NEO4J_URI || !Number.isInteger(firms) || !Number.isInteger(seed)) {
  console.error("usage: NEO4J_URI=… tsx bench/render-app-cli.ts --firms N [--seed S]");
  process.exit(2);
}
const connection = {
  uri: process.env.NEO4J_URI,
  user: process.env.NEO4J_USER ?? "neo4j",
  password: process.env.NEO4J_PASSWORD ?? "",
  database: process.env.NEO4J_DATABASE ?? "neo4j",
};
const cases = renderRegions(buildPlan(seed, firms), [500, 2000, 5000]);
const loadBefore = os.loadavg()[0]!;
const results = await measureAppRender(connection, cases, 120_000);
const out = { date: new Date().toISOString(), firms, seed, loadAverage: [loadBefore, os.loadavg()[0]!], results };
console.log(JSON.stringify(out, null, 1));
await mkdir(path.join(ROOT, "bench/results"), { recursive: true });
await writeFile(
  path.join(ROOT, "bench/results", `${out.date.replace(/[:]/g, "-").replace(/\..+$/, "")}-render-app-${firms}.json`),
  `${JSON.stringify(out, null, 2)}\n`,
);
process.exit(0);
