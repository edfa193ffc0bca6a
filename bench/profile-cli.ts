import { buildPlan } from "../seeds/synthetic/plan.ts";
import { parseEnv } from "../server/config.ts";
import { createDriver } from "../server/db/driver.ts";
import { Graph } from "../server/db/graph.ts";
import { measures, parameterPools } from "./measures.ts";
import { profilePlans, RecordingGraph } from "./profile.ts";
import { timed } from "./stats.ts";

// PROFILE one query measure on an already loaded database (NEO4J_URI), for reading its plan:
//   tsx bench/profile-cli.ts --firms 1000000 --measure gaps [--runs 5]
// Prints each read's operator tree with rows and db hits, then a few timings of the whole call.
const argv = process.argv.slice(2);
const get = (flag: string, fallback: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
};
const firms = Number(get("--firms", "1000000"));
const name = get("--measure", "gaps");
const runs = Number(get("--runs", "5"));
const env = parseEnv();
if (!env.NEO4J_URI) throw new Error("set NEO4J_URI to the loaded database");
const connection = { uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD ?? "", database: env.NEO4J_DATABASE };
const driver = createDriver(connection);
try {
  const plan = buildPlan(Number(get("--seed", "42")), firms);
  const measure = measures(parameterPools(plan), [[]]).find((m) => m.name === name);
  if (!measure) throw new Error(`no measure "${name}"`);
  const recording = new RecordingGraph(driver, connection.database, 600_000);
  const index = Number(get("--index", "0"));
  await measure.raw(recording, measure.params(index));
  for (const text of await profilePlans(recording, recording.calls)) console.log(text);
  const graph = new Graph(driver, connection.database, 600_000);
  for (const call of recording.calls) {
    const each: number[] = [];
    for (let i = 0; i < runs; i++) each.push(Math.round((await timed(() => graph.read(call.name, call.params))).ms));
    console.log(`${call.name}: ${each.join(", ")} ms`);
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(Math.round((await timed(() => measure.raw(graph, measure.params(index + i)))).ms));
  console.log(`timings (params ${index}..${index + runs - 1}): ${times.join(", ")} ms`);
} finally {
  await driver.close();
}
