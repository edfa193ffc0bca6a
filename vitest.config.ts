import { defineConfig } from "vitest/config";

// Three tiers: unit (pure logic), integration (a real Neo4j), e2e (a real Chromium against the app).
// One Neo4j per run: both tiers name tests/setup/neo4j-global.ts, which starts the server once and
// shares it (the second project reuses the first one's; the last teardown stops it).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          // Shares its Neo4j with e2e, so the two run one after the other (unit runs alongside).
          sequence: { groupOrder: 0 },
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/neo4j-global.ts"],
          // Neo4j Community has one user database: files run one after another so a test that
          // counts or checksums the graph never sees another file's writes half-done.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "e2e",
          sequence: { groupOrder: 1 },
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/neo4j-global.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
