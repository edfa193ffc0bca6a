import { z } from "zod";
import { ONLY_NAMES } from "./only.ts";

// npm run bench [-- --quick] [-- --sizes 100000,1000000] [-- --seed 42] [-- --no-render]
//   [-- --reuse]  with NEO4J_URI: keep the synthetic graph afterwards and reuse it when it holds this size
//   [-- --only gaps,targets,throughput]  only these query measures and parts (bench/only.ts; the docs are then not rewritten)
//   [-- --offline]  also the offline bulk path (CSV + neo4j-admin import) at each size, in a Neo4j of its own
const argsSchema = z.object({
  quick: z.boolean(),
  sizes: z.array(z.number().int().min(2000).max(5_000_000)).min(1),
  seed: z.number().int().min(0),
  render: z.boolean(),
  reuse: z.boolean(),
  only: z
    .array(
      z.string().refine((name) => ONLY_NAMES.includes(name), {
        error: (issue) => `unknown measure or part "${issue.input}": one of ${ONLY_NAMES.join(", ")}`,
      }),
    )
    .min(1)
    .optional(),
  offline: z.boolean(),
});

export type BenchArgs = z.infer<typeof argsSchema>;

/** The bench's command line, checked before anything loads: a misspelt --only name stops it at once. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes("--quick");
  const parsed = argsSchema.safeParse({
    quick,
    sizes: (get("--sizes") ?? (quick ? "3000" : "100000,1000000")).split(",").map(Number),
    seed: Number(get("--seed") ?? 42),
    render: !argv.includes("--no-render"),
    reuse: argv.includes("--reuse"),
    only: get("--only")
      ?.split(",")
      .map((name) => name.trim())
      .filter((name) => name.length > 0),
    offline: argv.includes("--offline"),
  });
  if (!parsed.success) throw new Error(`npm run bench: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
