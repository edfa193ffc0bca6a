import { describe, expect, it } from "vitest";
import { ConfigError, importLimitsFromEnv, parseEnv } from "../../server/config.ts";
import { DEFAULT_IMPORT_LIMITS } from "../../server/import/limits.ts";

describe("configuration from the environment", () => {
  it("has working defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.NEO4J_URI).toBeUndefined();
    expect(env.SEED_ON_EMPTY).toBe(true);
  });

  it("names the variable and the value that are wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/^PORT="eighty": /);
    expect(() => parseEnv({ NEO4J_URI: "http://x" })).toThrow(/^NEO4J_URI="http:\/\/x": must be a bolt/);
  });

  it("requires a password with an external Neo4j", () => {
    expect(() => parseEnv({ NEO4J_URI: "neo4j+s://abc.databases.neo4j.io" })).toThrow(/NEO4J_PASSWORD/);
    expect(parseEnv({ NEO4J_URI: "neo4j://db:7687", NEO4J_PASSWORD: "pw" }).NEO4J_URI).toBe("neo4j://db:7687");
  });
});

describe("import limits from the environment", () => {
  it("defaults to DEFAULT_IMPORT_LIMITS and reads each IMPORT_MAX_* in its unit", () => {
    expect(importLimitsFromEnv(parseEnv({}))).toEqual(DEFAULT_IMPORT_LIMITS);
    const limits = importLimitsFromEnv(parseEnv({ IMPORT_MAX_UNPACKED_MB: "100", IMPORT_MAX_ROWS: "5000", IMPORT_MAX_PROBLEMS: "50" }));
    expect(limits).toMatchObject({ maxUnpackedBytes: 100 * 1024 * 1024, maxRows: 5000, maxProblems: 50 });
  });

  it("refuses a limit that is not a positive whole number, naming it", () => {
    expect(() => parseEnv({ IMPORT_MAX_ROWS: "lots" })).toThrow(/^IMPORT_MAX_ROWS="lots": /);
    expect(() => parseEnv({ IMPORT_MAX_CELL_CHARS: "0" })).toThrow(/^IMPORT_MAX_CELL_CHARS="0": /);
  });
});
