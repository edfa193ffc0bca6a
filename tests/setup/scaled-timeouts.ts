import { inject, vi } from "vitest";

// The project's testTimeout and hookTimeout (vitest.config.ts) are written for a quiet machine;
// tests/setup/neo4j-global.ts stretches them by this run's measured load and hands them here.
vi.setConfig(inject("timeouts"));
