import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../../server/config.ts";

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
