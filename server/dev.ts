import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app.ts";
import { buildConfig, ConfigError, parseEnv } from "./config.ts";
import { connectNeo4j } from "./connect.ts";
import { closeInOrder, stopOnSignals } from "./lifecycle.ts";
import { prepareDatabase } from "./prepare-database.ts";

/**
 * `npm run dev`: the API on PORT (same Neo4j start-up as `npm start`) and Vite's dev server with
 * hot reload on VITE_PORT (default 5173), proxying /api to the API. Ctrl-C closes Vite, then the
 * API, then the Neo4j this process started.
 */
const WEB = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "web");

async function main() {
  const env = parseEnv();
  const say = (line: string) => console.log(line);
  const vitePort = Number(process.env.VITE_PORT ?? 5173);
  const target = await connectNeo4j(env, say);
  const config = buildConfig(env, target.connection);
  const app = await buildApp(config, { logger: { level: env.LOG_LEVEL } });
  let vite: import("vite").ViteDevServer | undefined;

  const closeAll = () => closeInOrder([async () => vite?.close(), () => app.close(), () => target.release()]);
  stopOnSignals(async (signal) => {
    say(`${signal}: stopping Vite, the API and Neo4j...`);
    await closeAll();
  });

  try {
    await prepareDatabase(app.graph, { seedOnEmpty: env.SEED_ON_EMPTY, log: say });
    await app.listen({ port: config.port, host: config.host });
    const { createServer } = await import("vite");
    vite = await createServer({
      configFile: path.join(WEB, "vite.config.ts"),
      server: {
        port: vitePort,
        strictPort: true,
        host: config.host,
        proxy: { "/api": `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${config.port}` },
      },
    });
    await vite.listen();
  } catch (error) {
    await closeAll();
    throw error;
  }
  say(`Chain Atlas dev: web with hot reload at http://localhost:${vitePort}, API at http://localhost:${config.port}. Ctrl-C stops both.`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : `dev failed: ${(error as Error).message}`);
  process.exit(1);
});
