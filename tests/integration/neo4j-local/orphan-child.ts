import { watchForOrphan } from "../../../neo4j-local/orphan-watchdog.ts";
import { startThrowawayNeo4j } from "../../helpers/throwaway-neo4j.ts";

// Run by orphan-watchdog.test.ts as the "test run" that gets SIGKILLed: it starts what the
// arguments name, prints one JSON line about it, and then idles until killed.
//   server                       a throwaway Neo4j, as the tests' globalSetup starts it
//   watch <pid> <home-dir>       only a watchdog over an existing process
const [mode, pid, homeDir] = process.argv.slice(2);
if (mode === "server") {
  const { server, stateDir } = await startThrowawayNeo4j({ heap: "512m", pageCache: "256m", transactionMemory: "256m" });
  console.log(JSON.stringify({ serverPid: server.pid, stateDir }));
} else if (mode === "watch" && pid && homeDir) {
  console.log(JSON.stringify({ watchdogPid: watchForOrphan(Number(pid), homeDir).pid }));
} else {
  throw new Error("usage: orphan-child.ts server | watch <pid> <home-dir>");
}
setInterval(() => {}, 60_000);
