import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from "../neo4j-local/launcher.ts";
import { ConfigError, parseEnv } from "./config.ts";
import { localNeo4jOptions } from "./local-neo4j-options.ts";

// npm run db:start | db:stop | db:status — the local Neo4j as a background server.
const command = process.argv[2];
try {
  const options = localNeo4jOptions(parseEnv());
  if (command === "start") {
    const server = await startLocalNeo4j(options, { detached: true });
    console.log(`Neo4j is running at ${server.uri} (pid ${server.pid}); credentials in ${options.stateDir}/credentials.json`);
  } else if (command === "stop") {
    const stopped = await stopLocalNeo4j(options.stateDir);
    console.log(stopped ? "Neo4j stopped." : "No local Neo4j was running.");
  } else if (command === "status") {
    const status = await localNeo4jStatus(options.stateDir);
    console.log(status.running ? `running: pid ${status.pid}, bolt 127.0.0.1:${status.boltPort}` : "not running");
  } else {
    console.error("usage: tsx server/db-cli.ts start|stop|status");
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : (error as Error).message);
  process.exitCode = 1;
}
