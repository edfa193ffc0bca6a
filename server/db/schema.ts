import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Graph } from "./graph.ts";
import { CYPHER_DIR } from "./queries.ts";

const SCHEMA_DIR = path.join(CYPHER_DIR, "schema");

/** The statements of cypher/schema/*.cypher in file order; `//` comments dropped. */
export function schemaStatements(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".cypher"))
    .sort()
    .flatMap((file) =>
      readFileSync(path.join(SCHEMA_DIR, file), "utf8")
        .split("\n")
        .filter((line) => !line.trimStart().startsWith("//"))
        .join("\n")
        .split(";")
        .map((statement) => statement.trim())
        .filter(Boolean),
    );
}

/** Index and constraint names the schema declares (every statement names its own). */
export function schemaNames(): string[] {
  return schemaStatements().map((statement) => {
    const match = /^CREATE\s+(?:FULLTEXT\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)/i.exec(statement);
    if (!match?.[1]) throw new Error(`schema statement has no name: ${statement.slice(0, 80)}`);
    return match[1];
  });
}

/**
 * Applies the schema idempotently (every statement says IF NOT EXISTS) and waits for indexes.
 * A bulk load that builds the full-text index over millions of firms waits longer than 300 s.
 */
export async function applySchema(graph: Graph, { awaitSeconds = 300 } = {}): Promise<void> {
  for (const statement of schemaStatements()) await graph.runRaw(statement);
  const seconds = Math.max(1, Math.trunc(awaitSeconds));
  await graph.runRaw(`CALL db.awaitIndexes(${seconds})`, {}, (seconds + 60) * 1000);
}

/** Which declared schema names are missing or not yet online; empty when the schema is in place. */
export async function missingSchema(graph: Graph, timeoutMs?: number): Promise<string[]> {
  const rows = await graph.read<{ name: string; state: string }>("list-schema-names", {}, timeoutMs);
  const online = new Set(rows.filter((row) => row.state === "ONLINE").map((row) => row.name));
  return schemaNames().filter((name) => !online.has(name));
}
