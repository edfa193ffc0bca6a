import { parseArgs } from "node:util";
import { generateSynthetic } from "../seeds/synthetic/generate.ts";
import { removeSynthetic } from "../seeds/synthetic/remove.ts";
import { createDriver } from "../server/db/driver.ts";
import { Graph } from "../server/db/graph.ts";
import { applySchema } from "../server/db/schema.ts";
import { benchNeo4j } from "./neo4j.ts";
import { measureWhatIf, whatIfChecks } from "./what-if-measures.ts";

/**
 * `npx tsx bench/what-if.ts --firms 20000 [--runs 20]`: issue 18's three speed questions alone, on
 * a generated ecosystem in a Neo4j of the bench's own (`npm run bench` measures the same inside
 * its run, see bench/what-if-measures.ts): reported, never asserted.
 */
const { values } = parseArgs({
  options: {
    firms: { type: "string", default: "20000" },
    runs: { type: "string", default: "20" },
    seed: { type: "string", default: "42" },
  },
});
const firms = Number(values.firms);
const log = (line: string) => console.log(line);

const neo4j = await benchNeo4j(firms, log);
const graph = new Graph(createDriver(neo4j.connection), neo4j.connection.database, 600_000);
try {
  await applySchema(graph);
  await removeSynthetic(graph);
  const { plan } = await generateSynthetic(graph, { seed: Number(values.seed), firms });
  const result = await measureWhatIf(graph, plan, Number(values.runs), log);
  for (const check of whatIfChecks(result, firms)) log(`${check.target}: ${check.measured} (${check.met ? "met" : "not met"})`);
} finally {
  await removeSynthetic(graph).catch(() => {});
  await graph.driver.close();
  await neo4j.stop();
}
