import path from "node:path";
import { z } from "zod";
import { type SecurityConfig, securityFromEnv } from "./auth/security-config.ts";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./import/limits.ts";

/** Where Debian's fonts-noto-cjk puts Noto Sans CJK (the Dockerfile installs it); the 图表包 embeds it. */
export const DEFAULT_CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/**
 * Every setting the app reads from the environment, parsed once. A bad value stops the
 * process with one line naming the variable (see loadConfig); `.env.example` lists them all.
 */
const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");
const MB = 1024 * 1024;
const memory = z.string().regex(/^\d+[kmgKMG]$/, "must be a size like 512m or 2g");

export const envSchema = z.object({
  // 0: any free port (the "running at" line names it); tests use it, so no port is raced for.
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/\S+$/, "must be a bolt://, neo4j://, bolt+s:// or neo4j+s:// URI")
    .optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  // 0: any free port, tried again on another if taken before Neo4j binds it.
  NEO4J_BOLT_PORT: z.coerce.number().int().min(0).max(65535).default(17687),
  NEO4J_STATE_DIR: z.string().min(1).default(".neo4j"),
  NEO4J_HEAP: memory.default("1g"),
  NEO4J_PAGECACHE: memory.default("1g"),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  SEED_ON_EMPTY: bool.default(true),
  /** Opt-in: a clearly marked :Synthetic layer of outside firms around two demo chains (server/seed/demo-outside.ts). */
  DEMO_OUTSIDE_FIRMS: bool.default(false),
  WEB_DIST_DIR: z.string().min(1).default("web/dist"),
  /** The CJK font the 图表包's PNGs and PDF embed (server/pack/fonts.ts). */
  CJK_FONT_FILE: z.string().min(1).default(DEFAULT_CJK_FONT),
  AUTH_TOKENS: z.string().optional(),
  AUTH_TOKENS_FILE: z.string().min(1).optional(),
  READS_OPEN: bool.default(true),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: "must be a comma-separated list of http(s) origins" }))),
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  RATE_LIMIT_EXPORTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(20),
  HEAVY_WORK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  ANONYMOUS_EXPORT_MAX_NODES: z.coerce.number().int().min(1).max(20_000).default(2_000),
  // Import limits (docs/import.md): checked while a file is read, so no upload can exhaust memory.
  IMPORT_MAX_UNPACKED_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(4096)
    .default(DEFAULT_IMPORT_LIMITS.maxUnpackedBytes / MB),
  IMPORT_MAX_SHARED_STRINGS_MB: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024)
    .default(DEFAULT_IMPORT_LIMITS.maxSharedStringsBytes / MB),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(10).max(5_000_000).default(DEFAULT_IMPORT_LIMITS.maxRows),
  IMPORT_MAX_COLUMNS: z.coerce.number().int().min(10).max(16_384).default(DEFAULT_IMPORT_LIMITS.maxColumns),
  IMPORT_MAX_CELL_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(DEFAULT_IMPORT_LIMITS.maxCellChars),
  IMPORT_MAX_PROBLEMS: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_IMPORT_LIMITS.maxProblems),
});

/** The import limits the environment sets (defaults in server/import/limits.ts). */
export function importLimitsFromEnv(env: Env): ImportLimits {
  return {
    maxUnpackedBytes: env.IMPORT_MAX_UNPACKED_MB * MB,
    maxSharedStringsBytes: env.IMPORT_MAX_SHARED_STRINGS_MB * MB,
    maxRows: env.IMPORT_MAX_ROWS,
    maxColumns: env.IMPORT_MAX_COLUMNS,
    maxCellChars: env.IMPORT_MAX_CELL_CHARS,
    maxProblems: env.IMPORT_MAX_PROBLEMS,
  };
}

export type Env = z.infer<typeof envSchema>;

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface Config {
  port: number;
  host: string;
  logLevel: Env["LOG_LEVEL"];
  neo4j: Neo4jConnection;
  queryTimeoutMs: number;
  webDistDir: string;
  /** Tokens, open reads, CORS and rate limits; absent means DEFAULT_SECURITY (writes closed). */
  security?: SecurityConfig;
  /** Bounds on what one import may read; absent means DEFAULT_IMPORT_LIMITS. */
  importLimits?: ImportLimits;
  /** The CJK font file the 图表包 embeds; absent means DEFAULT_CJK_FONT. */
  cjkFontFile?: string;
}

export class ConfigError extends Error {}

export function parseEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const value = env[name];
    throw new ConfigError(`${name}${value === undefined ? "" : `="${value}"`}: ${issue?.message}`);
  }
  const parsed = result.data;
  if (parsed.NEO4J_URI && !parsed.NEO4J_PASSWORD) {
    throw new ConfigError("NEO4J_PASSWORD: required when NEO4J_URI is set");
  }
  return parsed;
}

export function buildConfig(env: Env, neo4j: Neo4jConnection): Config {
  return {
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    neo4j,
    queryTimeoutMs: env.QUERY_TIMEOUT_MS,
    webDistDir: path.resolve(env.WEB_DIST_DIR),
    security: securityConfig(env),
    importLimits: importLimitsFromEnv(env),
    cjkFontFile: path.resolve(env.CJK_FONT_FILE),
  };
}

function securityConfig(env: Env): SecurityConfig {
  try {
    return securityFromEnv(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}
