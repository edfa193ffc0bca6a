import { afterAll, beforeAll } from "vitest";
import { type App, buildApp } from "../../server/app.ts";
import { testSecurity } from "./auth.ts";
import { testConfig } from "./graph.ts";

/**
 * This test file's app on the run's Neo4j with the test tokens (`bearer(role)` from ./auth.ts),
 * built before its tests and closed after them; `afterClose` then tidies what the file wrote.
 */
export function useSecuredApp(afterClose: () => Promise<unknown> = async () => {}): { app: App } {
  const live = { app: undefined as unknown as App };
  beforeAll(async () => {
    live.app = await buildApp({ ...testConfig(), security: testSecurity() });
    await live.app.ready();
  });
  afterAll(async () => {
    await live.app.close();
    await afterClose();
  });
  return live;
}
