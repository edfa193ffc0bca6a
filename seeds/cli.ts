import { ConfigError, parseEnv } from "../server/config.ts";
import { connectNeo4j } from "../server/connect.ts";
import { createDriver } from "../server/db/driver.ts";
import { Graph } from "../server/db/graph.ts";
import { applySchema } from "../server/db/schema.ts";
import { ProgressLine } from "../server/lib/progress-line.ts";
import { DEMO_SEED_DIR, seedFromDir } from "./demo-seed.ts";

// npm run seed [-- <folder>]: validate the seed files, then load them (idempotent).
const dir = process.argv[2] ?? DEMO_SEED_DIR;
let exitCode = 0;
try {
  const env = parseEnv();
  const target = await connectNeo4j(env, console.log);
  const driver = createDriver(target.connection);
  try {
    const graph = new Graph(driver, target.connection.database, env.QUERY_TIMEOUT_MS);
    await applySchema(graph);
    const progress = new ProgressLine(console.log);
    const counts = await seedFromDir(graph, dir, (done, total, what) => progress.update(done / total, `${done}/${total} ${what}`));
    progress.finish();
    console.log(
      `Seeded ${dir}: ${counts.nodesCreated} nodes and ${counts.relationshipsCreated} relationships created, ${counts.propertiesSet} properties written.`,
    );
  } finally {
    await driver.close();
    await target.release();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : (error as Error).message);
  exitCode = 1;
}
process.exit(exitCode);
