import { buildApp } from "./app.ts";
import { buildWebIfStale } from "./build-web.ts";
import { buildConfig, ConfigError, parseEnv } from "./config.ts";
import { connectNeo4j } from "./connect.ts";
import { loadDemoOutsideLayer } from "./demo-outside-layer.ts";
import { closeInOrder, stopOnSignals } from "./lifecycle.ts";
import { prepareDatabase } from "./prepare-database.ts";

/**
 * The app process (run by `npm start` under server/start.ts's supervisor, or on its own): Neo4j
 * (local unless NEO4J_URI is set), schema, demo data on an empty database, the built front end,
 * then the API and web app on PORT. Ctrl-C closes the app first, then any Neo4j it started, so
 * no request is cut mid-write and the store shuts down cleanly.
 */
async function main() {
  const env = parseEnv();
  const say = (line: string) => console.log(line);
  const target = await connectNeo4j(env, say);
  const config = buildConfig(env, target.connection);
  await buildWebIfStale(config.webDistDir, say).catch(async (error) => {
    await target.release();
    throw error;
  });
  const app = await buildApp(config, { logger: { level: env.LOG_LEVEL } });

  const closeAll = () => closeInOrder([() => app.close(), () => target.release()]);
  stopOnSignals(async (signal) => {
    app.log.info({ signal }, "shutting down");
    await closeAll();
  });

  try {
    await prepareDatabase(app.graph, { seedOnEmpty: env.SEED_ON_EMPTY, log: say });
    if (env.DEMO_OUTSIDE_FIRMS) await loadDemoOutsideLayer(app.graph, say);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await closeAll();
    throw error;
  }
  say(`Chain Atlas is running at http://localhost:${config.port} (Neo4j: ${target.description}). Ctrl-C stops it.`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : `start failed: ${(error as Error).message}`);
  process.exit(1);
});
