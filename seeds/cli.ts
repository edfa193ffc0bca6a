import { ProgressLine } from "../lib/progress-line.ts";
import { runWithGraph } from "../server/cli-graph.ts";
import { DEMO_SEED_DIR, seedFromDir } from "../server/seed/demo-seed.ts";

// npm run seed [-- <folder>]: validate the seed files, then load them (idempotent).
const dir = process.argv[2] ?? DEMO_SEED_DIR;
const exitCode = await runWithGraph(async (graph) => {
  const progress = new ProgressLine(console.log);
  const counts = await seedFromDir(graph, dir, (done, total, what) => progress.update(done / total, `${done}/${total} ${what}`));
  progress.finish();
  console.log(
    `Seeded ${dir}: ${counts.nodesCreated} nodes and ${counts.relationshipsCreated} relationships created, ${counts.propertiesSet} properties written.`,
  );
  return 0;
});
process.exit(exitCode);
