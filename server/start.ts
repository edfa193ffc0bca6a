import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, parseEnv } from "./config.ts";
import { connectNeo4j } from "./connect.ts";
import { superviseApp } from "./supervisor.ts";

const SERVE = path.join(path.dirname(fileURLToPath(import.meta.url)), "serve.ts");

/**
 * `npm start`: the local Neo4j (unless NEO4J_URI is set), then the app (server/serve.ts) as a
 * supervised child process. When the app dies by itself it is started again; when it stops for
 * good (Ctrl-C, SIGTERM, too many crashes) the Neo4j started here is stopped after it, so no
 * Neo4j is ever left running without its app.
 */
async function main() {
  const env = parseEnv();
  const say = (line: string) => console.log(line);
  const target = await connectNeo4j(env, say);
  const { uri, user, password, database } = target.connection;
  const app = superviseApp(
    () =>
      spawn(process.execPath, ["--import", "tsx", SERVE], {
        env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database },
        // The IPC channel tells the app when this process dies (see stopOnSignals).
        stdio: ["inherit", "inherit", "inherit", "ipc"],
      }),
    { log: (line) => say(`supervisor: ${line}`) },
  );
  // Ctrl-C reaches the app too (same process group); SIGTERM may reach only this process.
  const stop = () => app.stop();
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const code = await app.done;
  await target.release();
  process.exit(code);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : `start failed: ${(error as Error).message}`);
  process.exit(1);
});
