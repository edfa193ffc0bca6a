import { parseTokenList, readTokenFile, type TokenEntry } from "./tokens.ts";

export interface SecurityConfig {
  tokens: TokenEntry[];
  /** When true, reads need no token (the local demo); writes always do. */
  readsOpen: boolean;
  /** Origins allowed to call the API from a browser page served elsewhere; empty = same origin only. */
  corsOrigins: string[];
  /**
   * Requests per minute per token (or per client address without one), one counter per budget:
   * page reads never use up the budget of a write or an export, nor the other way round.
   */
  rateLimit: { readsPerMinute: number; writesPerMinute: number; exportsPerMinute: number };
  /**
   * Heavy work (exports, imports) runs at most `concurrent` at a time in this process; the next
   * one gets 429 with Retry-After at once instead of slowing everyone down. Without a token an
   * export may hold at most `anonymousExportMaxNodes` nodes.
   */
  heavyWork: { concurrent: number; anonymousExportMaxNodes: number };
}

/**
 * What an app built in code without security settings gets (tests, embedding): reads open,
 * writes closed to everyone, and rate limits high enough not to trip a test suite that sends
 * thousands of requests from one address (nor heavy-work limits that trip its parallel imports).
 * `npm start` always goes through securityFromEnv, whose defaults (600 reads, 60 writes and 20
 * exports a minute, 2 heavy jobs at a time, 2 000 nodes per anonymous export) protect a running server.
 */
export const DEFAULT_SECURITY: SecurityConfig = {
  tokens: [],
  readsOpen: true,
  corsOrigins: [],
  rateLimit: { readsPerMinute: 100_000, writesPerMinute: 10_000, exportsPerMinute: 10_000 },
  heavyWork: { concurrent: 16, anonymousExportMaxNodes: 20_000 },
};

/** The variables securityFromEnv reads, as server/config.ts parses them (typed here so auth/ needs nothing of config). */
export interface SecurityEnv {
  AUTH_TOKENS?: string;
  AUTH_TOKENS_FILE?: string;
  READS_OPEN: boolean;
  CORS_ORIGINS: string[];
  RATE_LIMIT_READS_PER_MINUTE: number;
  RATE_LIMIT_WRITES_PER_MINUTE: number;
  RATE_LIMIT_EXPORTS_PER_MINUTE: number;
  HEAVY_WORK_CONCURRENCY: number;
  ANONYMOUS_EXPORT_MAX_NODES: number;
}

export function securityFromEnv(env: SecurityEnv): SecurityConfig {
  const tokens = [
    ...(env.AUTH_TOKENS ? withName("AUTH_TOKENS", () => parseTokenList(env.AUTH_TOKENS ?? "")) : []),
    ...(env.AUTH_TOKENS_FILE ? withName("AUTH_TOKENS_FILE", () => readTokenFile(env.AUTH_TOKENS_FILE ?? "")) : []),
  ];
  const names = new Set<string>();
  for (const token of tokens) {
    if (names.has(token.name)) throw new Error(`AUTH_TOKENS: the name "${token.name}" is used twice`);
    names.add(token.name);
  }
  return {
    tokens,
    readsOpen: env.READS_OPEN,
    corsOrigins: env.CORS_ORIGINS,
    rateLimit: {
      readsPerMinute: env.RATE_LIMIT_READS_PER_MINUTE,
      writesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE,
      exportsPerMinute: env.RATE_LIMIT_EXPORTS_PER_MINUTE,
    },
    heavyWork: { concurrent: env.HEAVY_WORK_CONCURRENCY, anonymousExportMaxNodes: env.ANONYMOUS_EXPORT_MAX_NODES },
  };
}

function withName<T>(variable: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // The message names the entry, never the value: a token hash has no business in a log.
    throw new Error(`${variable}: ${(error as Error).message}`);
  }
}
