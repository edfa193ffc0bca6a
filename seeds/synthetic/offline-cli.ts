import path from "node:path";
import { z } from "zod";
import { offlineLoad } from "./offline-load.ts";
import { MIN_FIRMS } from "./plan.ts";

// tsx seeds/synthetic/offline-cli.ts --firms 1000000 --state-dir .neo4j/offline-1m [--seed 42] [--heap 4g] [--page-cache 4g] [--keep-csv]
// First load into an EMPTY database: CSV → neo4j-admin import → start → schema → chain stats. The
// server keeps running afterwards (stop it with NEO4J_STATE_DIR=<state-dir> npm run db:stop).
const USAGE =
  "usage: offline-cli.ts --firms N --state-dir DIR [--seed S] [--csv-dir DIR] [--heap 4g] [--page-cache 4g] [--keep-csv] [--import-heap 2g] [--max-off-heap 3G] [--import-threads N]";

const optionsSchema = z
  .object({
    firms: z.coerce.number().int().min(MIN_FIRMS).max(20_000_000),
    seed: z.coerce.number().int().min(0).default(42),
    "state-dir": z.string().min(1),
    "csv-dir": z.string().min(1).optional(),
    heap: z
      .string()
      .regex(/^\d+[mg]$/)
      .default("4g"),
    "page-cache": z
      .string()
      .regex(/^\d+[mg]$/)
      .default("4g"),
    "keep-csv": z.boolean().default(false),
    "import-heap": z
      .string()
      .regex(/^\d+[mg]$/)
      .optional(),
    "max-off-heap": z
      .string()
      .regex(/^\d+[mMgG]$/)
      .optional(),
    "import-threads": z.coerce.number().int().min(1).max(64).optional(),
  })
  .strict();

const raw: Record<string, string | boolean> = {};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const name = argv[i]!.replace(/^--/, "");
  if (name === "keep-csv") raw[name] = true;
  else raw[name] = argv[++i] ?? "";
}
const parsed = optionsSchema.safeParse(raw);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  console.error(`${issue?.path.length ? `--${String(issue.path[0])}: ` : ""}${issue?.message}. ${USAGE}`);
  process.exit(2);
}
const o = parsed.data;
const stateDir = path.resolve(o["state-dir"]);
try {
  const { stats, server } = await offlineLoad({
    seed: o.seed,
    firms: o.firms,
    stateDir,
    csvDir: path.resolve(o["csv-dir"] ?? path.join(stateDir, "csv")),
    keepCsv: o["keep-csv"],
    heap: o.heap,
    pageCache: o["page-cache"],
    importTool: { heap: o["import-heap"], maxOffHeap: o["max-off-heap"], threads: o["import-threads"] },
    log: (line) => console.log(line),
  });
  console.log(
    `Offline load of ${stats.nodes} nodes and ${stats.relationships} relationships: import ${stats.importSeconds.toFixed(1)} s ` +
      `(${stats.importRecordsPerSecond} records/s; by the tool's own ${stats.importToolSeconds.toFixed(1)} s: ${stats.importToolRecordsPerSecond} records/s), CSV ${stats.csvSeconds.toFixed(1)} s, start ${stats.startSeconds.toFixed(1)} s, ` +
      `schema ${stats.schemaSeconds.toFixed(1)} s, chain stats ${stats.chainStatsSeconds.toFixed(1)} s; end to end ${stats.endToEndRecordsPerSecond} records/s.`,
  );
  console.log(`Neo4j keeps running at ${server.uri} (pid ${server.pid}); credentials in ${stateDir}/credentials.json`);
  console.log(`STATS ${JSON.stringify(stats)}`);
  process.exit(0);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
