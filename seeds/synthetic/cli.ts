import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { ProgressLine } from "../../lib/progress-line.ts";
import { runWithGraph } from "../../server/cli-graph.ts";
import { ConfigError } from "../../server/config.ts";
import { syntheticChecksum } from "./checksum.ts";
import { generateSynthetic } from "./generate.ts";
import { plantedGaps } from "./manifest.ts";
import { MIN_FIRMS } from "./plan.ts";
import { removeSynthetic } from "./remove.ts";

// npm run seed:synthetic -- --firms 1000000 --seed 42 [--batch 10000] [--concurrency 2] [--manifest gaps.json] [--checksum] [--defer-full-text]
// npm run seed:synthetic -- --remove
const USAGE =
  "usage: seed:synthetic -- [--firms N] [--seed S] [--batch B] [--concurrency C] [--manifest FILE] [--checksum] [--defer-full-text] [--json] | --remove";

const optionsSchema = z.object({
  firms: z.coerce.number().int().min(MIN_FIRMS).max(5_000_000).default(100_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(42),
  batch: z.coerce.number().int().min(100).max(100_000).default(10_000),
  concurrency: z.coerce.number().int().min(1).max(8).default(2),
  manifest: z.string().min(1).optional(),
  checksum: z.boolean().default(false),
  remove: z.boolean().default(false),
  /**
   * Drop the full-text indexes for the write and rebuild them after it even when the database
   * already holds entities (by default only a first load does): search cannot answer meanwhile.
   */
  "defer-full-text": z.boolean().optional(),
  /** Print the run's figures as one JSON line (for the benchmark, which runs this as a child process). */
  json: z.boolean().default(false),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new ConfigError(`unexpected argument "${arg}". ${USAGE}`);
    const name = arg.slice(2);
    if (name === "checksum" || name === "remove" || name === "json" || name === "defer-full-text") raw[name] = true;
    else raw[name] = argv[++i] ?? "";
  }
  const parsed = optionsSchema.strict().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.length ? `--${String(issue.path[0])}: ` : ""}${issue?.message}. ${USAGE}`);
  }
  return parsed.data;
}

const secondHalf = (rate: number | null) => (rate === null ? "–" : Math.round(rate));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

let options: ReturnType<typeof parseArgs>;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const exitCode = await runWithGraph(
  async (graph) => {
    const progress = new ProgressLine(console.log);
    if (options.remove) {
      const removed = await removeSynthetic(graph, { progress: (done, total) => progress.update(done / total, `${done}/${total} nodes`) });
      progress.finish();
      console.log(`Removed ${removed.nodesDeleted} synthetic nodes and ${removed.relationshipsDeleted} relationships.`);
    } else {
      const { plan, stats } = await generateSynthetic(graph, {
        seed: options.seed,
        firms: options.firms,
        batchSize: options.batch,
        concurrency: options.concurrency,
        deferFullText: options["defer-full-text"],
        progress: (done, total, what) => progress.update(done / total, `${done} rows written (${what})`),
      });
      progress.finish();
      console.log(
        `Generated seed ${stats.seed}: ${stats.nodes} nodes in ${stats.nodeSeconds.toFixed(1)} s (${Math.round(stats.nodesPerSecond)} nodes/s; second half ${secondHalf(stats.nodesPerSecondSecondHalf)}), ` +
          `${stats.relationships} relationships in ${stats.relationshipSeconds.toFixed(1)} s (${Math.round(stats.relationshipsPerSecond)} rels/s; second half ${secondHalf(stats.relationshipsPerSecondSecondHalf)}); ` +
          `peak RSS ${mib(stats.peakRssBytes)}; ${stats.retries} batch retries; ${plan.regions.length} regions, ${plan.chains.length} chains, ${plan.presences.length} presences.`,
      );
      if (options.json) console.log(`STATS ${JSON.stringify(stats)}`);
      if (options.manifest) {
        await writeFile(
          options.manifest,
          `${JSON.stringify({ seed: stats.seed, firms: stats.firms, planted: plantedGaps(plan) }, null, 1)}\n`,
        );
        console.log(`Planted gaps written to ${options.manifest}.`);
      }
    }
    if (options.checksum) {
      const sum = await syntheticChecksum(graph);
      console.log(`Checksum ${sum.sha256} over ${sum.nodes} nodes and ${sum.relationships} relationships.`);
    }
    return 0;
  },
  { timeoutMs: 120_000 },
);
process.exit(exitCode);
